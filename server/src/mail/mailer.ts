import nodemailer, { type Transporter } from 'nodemailer'
import type { Db } from '../db/database.ts'
import { effectiveMailConfig } from './mail-settings.ts'

export interface MailAttachment {
  filename: string
  content: Buffer | string
  contentType?: string
}

export interface MailMessage {
  to: string | string[]
  subject: string
  text: string
  html?: string
  cc?: string | string[]
  replyTo?: string
  attachments?: MailAttachment[]
}

// One pooled connection set per server URL, reused across messages.
const transports = new Map<string, Transporter>()

function transportFor(url: string): Transporter {
  let transport = transports.get(url)
  if (!transport) {
    transport = nodemailer.createTransport(url)
    transports.set(url, transport)
  }
  return transport
}

/**
 * Sends one message through the workspace's SMTP server (its mail settings, else the SMTP_URL
 * environment variable). Resolves false when no server is configured, true once the server took the
 * message; a refusal by the server rejects with its error.
 */
export async function sendMail(db: Db, workspaceId: string, message: MailMessage): Promise<boolean> {
  const config = await effectiveMailConfig(db, workspaceId)
  if (!config) return false
  await transportFor(config.url).sendMail({ from: config.from, ...message })
  return true
}

/** Whether sendMail would try to send for this workspace. */
export async function mailConfigured(db: Db, workspaceId: string): Promise<boolean> {
  return (await effectiveMailConfig(db, workspaceId)) !== undefined
}
