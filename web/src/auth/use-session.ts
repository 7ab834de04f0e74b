import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { ApiError, onSignedOut, request } from '../api/client.ts'
import type { ApiRecord } from '../api/records.ts'

export interface Session {
  user: ApiRecord & { name: string; email: string }
  workspace: { id: string; name: string; slug: string }
  role: string
}

export const sessionKey = ['session'] as const

/** GET /api/auth/me; null when signed out. */
export async function fetchSession(): Promise<Session | null> {
  try {
    return await request<Session>('/api/auth/me')
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null
    throw error
  }
}

/** The signed-in user, or null when signed out; any 401 elsewhere flips it to null. */
export function useSession() {
  const client = useQueryClient()
  useEffect(() => onSignedOut(() => client.setQueryData(sessionKey, null)), [client])
  return useQuery({
    queryKey: sessionKey,
    staleTime: Infinity,
    retry: false,
    queryFn: fetchSession,
  })
}

export const authOptionsKey = ['auth-options'] as const

export function useAuthOptions() {
  return useQuery({ queryKey: authOptionsKey, staleTime: Infinity, queryFn: () => request<{ signUp: boolean }>('/api/auth/options') })
}
