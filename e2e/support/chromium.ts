import fs from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

/** Debian's Chromium (apt-get install chromium fonts-noto-cjk), or CHROMIUM_PATH. */
export const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const chromiumMissing = (): string | undefined =>
  fs.existsSync(chromiumPath())
    ? undefined
    : `Chromium not found at ${chromiumPath()}. Install it with \`apt-get install -y --no-install-recommends chromium fonts-noto-cjk\` or point CHROMIUM_PATH at a Chromium binary.`

/** Headless Chromium without the background traffic (updates, sync, QUIC) that would blur timings. */
export async function launchChromium(): Promise<Browser> {
  const missing = chromiumMissing()
  if (missing) throw new Error(missing)
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  })
}
