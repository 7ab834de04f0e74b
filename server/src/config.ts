import path from 'node:path'

/** Runtime settings, all from the environment so `npm start` needs none. */
export interface AppConfig {
  port: number
  host: string
  /** postgres://… to run on PostgreSQL; unset means the embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined
  dataDir: string
  demo: boolean
  adminEmail: string
  adminPassword: string | undefined
  signUpEnabled: boolean
  secureCookies: boolean
  /** Behind a reverse proxy: the client's address comes from X-Forwarded-For (rate limits count visitors). */
  trustProxy: boolean
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.RAPPORT_DATA_DIR ?? 'data'),
    demo: env.RAPPORT_DEMO !== '0',
    adminEmail: env.RAPPORT_ADMIN_EMAIL ?? 'admin@rapport.local',
    adminPassword: env.RAPPORT_ADMIN_PASSWORD || undefined,
    signUpEnabled: env.RAPPORT_SIGN_UP !== '0',
    secureCookies: env.RAPPORT_SECURE_COOKIES === '1',
    trustProxy: env.RAPPORT_TRUST_PROXY === '1',
  }
}
