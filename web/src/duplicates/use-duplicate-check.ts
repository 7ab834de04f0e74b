import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { duplicatesApi } from '../api/duplicates.ts'
import type { ObjectMeta } from '../metadata/types.ts'

const DELAY_MS = 500

/** The fields an object's duplicate rules read (name, company, email, phone). */
export function watchedFields(object: ObjectMeta): string[] {
  return [...new Set((object.duplicateRules ?? []).flatMap((rule) => (rule.company ? [rule.field, rule.company] : [rule.field])))]
}

/** Likely duplicates of these values, asked for once the user pauses typing. */
export function useDuplicateCheck(object: ObjectMeta, values: Record<string, unknown>, excludeId?: string) {
  const fields = watchedFields(object)
  const picked: Record<string, unknown> = {}
  for (const name of fields) {
    const value = values[name]
    if (typeof value === 'string' && value.trim()) picked[name] = value.trim()
  }
  const key = JSON.stringify(picked)
  const [settled, setSettled] = useState(key)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(key), DELAY_MS)
    return () => clearTimeout(timer)
  }, [key])
  return useQuery({
    queryKey: ['duplicates', 'check', object.name, settled, excludeId],
    queryFn: ({ signal }) => duplicatesApi.check(object.name, JSON.parse(settled), excludeId, signal),
    enabled: fields.length > 0 && settled !== '{}',
    staleTime: 30_000,
  })
}
