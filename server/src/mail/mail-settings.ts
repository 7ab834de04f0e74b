import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { AppError, type FieldError } from '../errors/app-error.ts'

/** A workspace's outgoing mail server, kept in `workspaces.settings.mail`; the environment's SMTP_URL otherwise. */
export interface MailSettings {
  /** smtp://user:password@host:587 or smtps://…:465 (nodemailer's URL form, options as query). */
  smtp_url: string | null
  /** The sender: `Name <address>` or an address. */
  from: string | null
}

const EMPTY: MailSettings = { smtp_url: null, from: null }

export async function readMailSettings(db: Db, workspaceId: string): Promise<MailSettings> {
  const row = await sql<{ mail: Partial<MailSettings> | null }>`select settings -> 'mail' as mail from workspaces where id = ${workspaceId}`.execute(db)
  const stored = row.rows[0]?.mail ?? {}
  return { smtp_url: typeof stored.smtp_url === 'string' ? stored.smtp_url : null, from: typeof stored.from === 'string' ? stored.from : null }
}

/** Where mail goes for a workspace: its own server, else the environment's; undefined when neither is set. */
export async function effectiveMailConfig(db: Db, workspaceId: string, env: NodeJS.ProcessEnv = process.env): Promise<{ url: string; from: string } | undefined> {
  const settings = await readMailSettings(db, workspaceId)
  const url = settings.smtp_url ?? env.SMTP_URL
  if (!url) return undefined
  return { url, from: settings.from ?? env.SMTP_FROM ?? 'Rapport <no-reply@rapport.local>' }
}

const SENDER = /^([^<>@]+<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/

function checkUrl(value: string): FieldError | undefined {
  try {
    const url = new URL(value)
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') return { field: 'smtp_url', code: 'invalid_smtp_url' }
    if (!url.hostname) return { field: 'smtp_url', code: 'invalid_smtp_url' }
  } catch {
    return { field: 'smtp_url', code: 'invalid_smtp_url' }
  }
  return undefined
}

/** Checks a partial change; every bad key is named. */
export function checkMailSettingsChange(current: MailSettings, input: unknown): MailSettings {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new AppError('VALIDATION_FAILED', [{ field: 'body', code: 'expected_object' }])
  const next = { ...current }
  const errors: FieldError[] = []
  for (const [key, value] of Object.entries(input)) {
    if (key !== 'smtp_url' && key !== 'from') errors.push({ field: key, code: 'unknown_field' })
    // The masked URL read back from GET means "unchanged": the stored password stays.
    else if (key === 'smtp_url' && current.smtp_url && value === maskUrl(current.smtp_url)) continue
    else if (value === null || value === '') next[key] = null
    else if (typeof value !== 'string') errors.push({ field: key, code: 'expected_text' })
    else if (value.length > 500) errors.push({ field: key, code: 'too_long', params: { max: 500 } })
    else if (key === 'smtp_url') {
      const error = checkUrl(value.trim())
      if (error) errors.push(error)
      else next.smtp_url = value.trim()
    } else if (!SENDER.test(value.trim())) errors.push({ field: key, code: 'invalid_email' })
    else next.from = value.trim()
  }
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors)
  return next
}

export async function writeMailSettings(db: Db, workspaceId: string, settings: MailSettings): Promise<void> {
  await sql`
    update workspaces set settings = jsonb_set(coalesce(settings, '{}'::jsonb), '{mail}', ${JSON.stringify({ ...EMPTY, ...settings })}::jsonb)
    where id = ${workspaceId}`.execute(db)
}

function maskUrl(text: string): string {
  const url = new URL(text)
  if (url.password) url.password = '****'
  return url.toString()
}

/** The settings as an administrator sees them: the password is never sent back. */
export function maskedMailSettings(settings: MailSettings, env: NodeJS.ProcessEnv = process.env) {
  return { smtp_url: settings.smtp_url && maskUrl(settings.smtp_url), from: settings.from, configured: Boolean(settings.smtp_url ?? env.SMTP_URL), source: settings.smtp_url ? 'workspace' : env.SMTP_URL ? 'environment' : null }
}
