import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * Noto Sans SC (Hans) from the @embedpdf/fonts-sc package: it has the Chinese and Latin glyphs a quote
 * needs. pdfkit embeds only the glyphs used (a subset), so a PDF stays tens of kilobytes.
 */
const fontsDir = join(dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts')

let loaded: Promise<{ regular: Buffer; bold: Buffer }> | undefined

/** The font files, read once per process. */
export function quoteFonts(): Promise<{ regular: Buffer; bold: Buffer }> {
  loaded ??= Promise.all([readFile(join(fontsDir, 'NotoSansHans-Regular.otf')), readFile(join(fontsDir, 'NotoSansHans-Bold.otf'))])
    .then(([regular, bold]) => ({ regular, bold }))
    .catch((error: unknown) => {
      loaded = undefined
      throw error
    })
  return loaded
}
