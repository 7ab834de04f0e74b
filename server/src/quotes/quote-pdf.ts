import PDFDocument from 'pdfkit'
import { quoteFonts } from './quote-fonts.ts'
import type { QuoteDocument } from './quote-document.ts'
import { formatMoney, formatPercent, formatQuantity, pdfLabel, type PdfLabel } from './quote-pdf-labels.ts'

const MARGIN = 50
const GREY = '#666666'
const RULE = '#d9d9d9'
// #, description, qty, unit, unit price, discount, amount: 495 pt, the A4 width inside the margins.
const COLUMNS = [24, 181, 48, 40, 80, 42, 80] as const
const RIGHT_ALIGNED = new Set([2, 4, 5, 6])

type Pdf = PDFKit.PDFDocument

function row(pdf: Pdf, cells: string[], y: number, options: { bold?: boolean; size?: number } = {}): number {
  pdf.font(options.bold ? 'bold' : 'regular').fontSize(options.size ?? 9)
  let x = MARGIN
  const heights = cells.map((cell, index) => pdf.heightOfString(cell, { width: COLUMNS[index] - 6 }))
  cells.forEach((cell, index) => {
    pdf.fillColor('#000').text(cell, x + 3, y, { width: COLUMNS[index] - 6, align: RIGHT_ALIGNED.has(index) ? 'right' : 'left' })
    x += COLUMNS[index]
  })
  return y + Math.max(...heights) + 6
}

function rule(pdf: Pdf, y: number) {
  pdf.moveTo(MARGIN, y).lineTo(pdf.page.width - MARGIN, y).strokeColor(RULE).lineWidth(0.7).stroke()
}

function header(pdf: Pdf, doc: QuoteDocument): number {
  const t = (key: PdfLabel, params?: Record<string, string | number>) => pdfLabel(doc.locale, key, params)
  let top = MARGIN
  if (doc.company.logo) {
    try {
      pdf.image(doc.company.logo, MARGIN, top, { fit: [140, 50] })
    } catch {
      // An unreadable logo leaves its place empty rather than losing the quote.
    }
  }
  const right = pdf.page.width - MARGIN
  pdf.font('bold').fontSize(14).fillColor('#000').text(doc.company.name, right - 300, top, { width: 300, align: 'right' })
  pdf.font('regular').fontSize(9).fillColor(GREY)
  for (const line of [doc.company.address, doc.company.phone].filter(Boolean) as string[]) pdf.text(line, right - 300, pdf.y, { width: 300, align: 'right' })
  top = Math.max(pdf.y, MARGIN + 55) + 10
  pdf.font('bold').fontSize(20).fillColor('#000').text(t('title'), MARGIN, top)
  pdf.font('regular').fontSize(11).text(doc.name, MARGIN, pdf.y + 2, { width: 300 })
  const facts: [PdfLabel, string][] = [['number', doc.label], ['date', doc.date], ['validUntil', doc.validUntil ?? '—'], ['currency', doc.currency]]
  let y = top
  for (const [key, value] of facts) {
    pdf.font('regular').fontSize(9).fillColor(GREY).text(t(key), right - 200, y, { width: 90 })
    pdf.fillColor('#000').text(value, right - 110, y, { width: 110, align: 'right' })
    y += 14
  }
  y = Math.max(y, pdf.y) + 12
  const party = (key: PdfLabel, lines: (string | null)[], x: number) => {
    pdf.font('regular').fontSize(9).fillColor(GREY).text(t(key), x, y, { width: 240 })
    pdf.font('bold').fillColor('#000').text(lines[0] ?? '—', x, pdf.y + 2, { width: 240 })
    pdf.font('regular')
    for (const line of lines.slice(1).filter(Boolean) as string[]) pdf.text(line, x, pdf.y, { width: 240 })
    return pdf.y
  }
  const left = party('customer', [doc.customer.account, doc.customer.contact, doc.customer.email, doc.customer.phone], MARGIN)
  const other = party('preparedBy', [doc.preparedBy.name, doc.preparedBy.email], MARGIN + 260)
  return Math.max(left, other) + 16
}

function linesTable(pdf: Pdf, doc: QuoteDocument, top: number): number {
  const t = (key: PdfLabel) => pdfLabel(doc.locale, key)
  const heading = [t('line'), t('description'), t('quantity'), t('unit'), t('unitPrice'), t('discount'), t('amount')]
  const bottom = pdf.page.height - MARGIN - 30
  let y = row(pdf, heading, top, { bold: true })
  rule(pdf, y - 3)
  doc.lines.forEach((line, index) => {
    const cells = [String(index + 1), line.description, formatQuantity(line.quantity), line.unit ?? '', formatMoney(line.unitPrice?.amount, doc.currency),
      formatPercent(line.discount), formatMoney(line.total?.amount, doc.currency)]
    pdf.font('regular').fontSize(9)
    if (y + pdf.heightOfString(line.description, { width: COLUMNS[1] - 6 }) > bottom) {
      pdf.addPage()
      y = row(pdf, heading, MARGIN, { bold: true })
      rule(pdf, y - 3)
    }
    y = row(pdf, cells, y)
  })
  if (doc.lines.length === 0) y = row(pdf, ['', t('noLines'), '', '', '', '', ''], y)
  rule(pdf, y - 3)
  return y + 4
}

function totals(pdf: Pdf, doc: QuoteDocument, top: number): number {
  const t = (key: PdfLabel, params?: Record<string, string | number>) => pdfLabel(doc.locale, key, params)
  const entries: [string, string, boolean][] = [[t('subtotal'), formatMoney(doc.totals.subtotal?.amount, doc.currency), false]]
  if (Number(doc.totals.discountPercent) > 0) entries.push([t('overallDiscount', { percent: Number(doc.totals.discountPercent) }), `-${formatMoney(doc.totals.discount?.amount, doc.currency)}`, false])
  entries.push([t('tax', { percent: Number(doc.totals.taxPercent ?? 0) }), formatMoney(doc.totals.tax?.amount, doc.currency), false])
  entries.push([t('total'), formatMoney(doc.totals.total?.amount, doc.currency), true])
  let y = top
  if (y > pdf.page.height - MARGIN - 90) {
    pdf.addPage()
    y = MARGIN
  }
  const right = pdf.page.width - MARGIN
  for (const [name, value, strong] of entries) {
    pdf.font(strong ? 'bold' : 'regular').fontSize(strong ? 12 : 9).fillColor('#000')
    pdf.text(name, right - 260, y, { width: 150, align: 'right' })
    pdf.text(value, right - 110, y, { width: 110, align: 'right' })
    y += strong ? 20 : 14
  }
  return y + 10
}

function terms(pdf: Pdf, doc: QuoteDocument, top: number) {
  if (!doc.terms) return
  if (top > pdf.page.height - MARGIN - 60) {
    pdf.addPage()
    top = MARGIN
  }
  pdf.font('bold').fontSize(10).fillColor('#000').text(pdfLabel(doc.locale, 'terms'), MARGIN, top)
  pdf.font('regular').fontSize(9).fillColor('#333').text(doc.terms, MARGIN, pdf.y + 4, { width: pdf.page.width - 2 * MARGIN })
}

function pageNumbers(pdf: Pdf, doc: QuoteDocument) {
  const range = pdf.bufferedPageRange()
  for (let index = range.start; index < range.start + range.count; index++) {
    pdf.switchToPage(index)
    // Below the bottom margin pdfkit would start a new page; the footer belongs to this one.
    pdf.page.margins.bottom = 0
    const text = pdfLabel(doc.locale, 'page', { page: index + 1, pages: range.count })
    pdf.font('regular').fontSize(8).fillColor(GREY).text(`${doc.label} · ${text}`, MARGIN, pdf.page.height - MARGIN + 15, { width: pdf.page.width - 2 * MARGIN, align: 'center', lineBreak: false })
  }
}

/** The quote as an A4 PDF, with the Chinese font embedded (subset) so it reads the same everywhere. */
export async function renderQuotePdf(doc: QuoteDocument): Promise<Buffer> {
  const fonts = await quoteFonts()
  const pdf = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: `${doc.label} ${doc.name}`, Author: doc.company.name } })
  const chunks: Buffer[] = []
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)))
    pdf.on('error', reject)
  })
  pdf.registerFont('regular', fonts.regular)
  pdf.registerFont('bold', fonts.bold)
  let y = header(pdf, doc)
  y = linesTable(pdf, doc, y)
  y = totals(pdf, doc, y)
  terms(pdf, doc, y)
  pageNumbers(pdf, doc)
  pdf.end()
  return done
}
