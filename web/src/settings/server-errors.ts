import type { FormInstance } from 'antd'
import { ApiError } from '../api/client.ts'

type NamePath = (string | number)[]

/** A server error path (`options[2].label`) as an antd form name path (['options', 2, 'label']). */
export function namePathOf(path: string): NamePath {
  return path.split(/[.[\]]+/).filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : part))
}

/**
 * Puts the server's field errors (already in the user's language) on the form's fields. `mapPath`
 * maps a server path to the form's own, or to nothing when the form has no such field.
 * Answers the message to show above the form, if any error found no field.
 */
export function showServerErrors(form: FormInstance, error: unknown, mapPath: (path: NamePath) => NamePath | undefined, fallback: string): string | undefined {
  if (!(error instanceof ApiError)) return fallback
  const placed = error.fields.flatMap((issue) => {
    const name = mapPath(namePathOf(issue.field))
    return name ? [{ name, errors: [issue.message] }] : []
  })
  form.setFields(placed)
  if (placed.length > 0 && placed.length === error.fields.length) return undefined
  return error.fields.length > placed.length ? error.fields.map((issue) => `${issue.field}: ${issue.message}`).join(' ') : error.message
}
