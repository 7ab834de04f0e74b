import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, describe, expect, it } from 'vitest'
import { readRows } from './row-reader.ts'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-row-reader-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const readAll = async (filePath: string, encoding: string) => {
  const rows: string[][] = []
  for await (const row of readRows(filePath, 'csv', encoding)) rows.push(row)
  return rows
}

describe('reading CSV rows', () => {
  // Enough rows that the file spans many read chunks (64 KiB each), so chunk ends fall inside characters.
  const rows = [['姓名', '城市', '备注'], ...Array.from({ length: 6000 }, (_, index) => [`张伟${index}`, index % 2 ? '北京' : '上海', `第${index}行，“引号”与逗号`])]
  const text = rows.map((row) => row.map((cell) => (/[",]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\r\n')

  it('reads UTF-8 with and without a byte-order mark, whatever byte a chunk ends on', async () => {
    for (const [name, bytes] of [['plain.csv', Buffer.from(text)], ['bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])]] as const) {
      const filePath = path.join(dir, name)
      fs.writeFileSync(filePath, bytes)
      expect(fs.statSync(filePath).size).toBeGreaterThan(4 * 65536)
      expect(await readAll(filePath, 'utf-8')).toEqual(rows)
    }
  })

  it('reads GB18030 through its decoder', async () => {
    const filePath = path.join(dir, 'gbk.csv')
    fs.writeFileSync(filePath, iconv.encode(text, 'gb18030'))
    expect(await readAll(filePath, 'gb18030')).toEqual(rows)
  })
})
