import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { useBrowserSession } from './support/browser-session.ts'
import { findRecords, seedRecord } from './support/seed-records.ts'
import { chooseOption } from './support/ui-actions.ts'

const rows = [
  '姓名,联系方式,邮箱,公司名称',
  ...Array.from({ length: 40 }, (_, i) => `导入联系人${i},1380013${String(8000 + i)},import${i}@huaxin.cn,华信导入科技`),
]
// The rejected row comes early, so the preview of the first rows shows its error.
rows.splice(3, 0, '坏邮箱,13900139000,not-an-email,华信导入科技')

describe('import wizard', () => {
  const e2e = useBrowserSession()

  it('imports a CSV with a mapping fix and a rejected row, shows progress, and hands out the report', async () => {
    const account = await seedRecord(e2e.api, 'accounts', { name: '华信导入科技' })
    const page = await e2e.newPage()
    await page.goto(`${e2e.baseUrl}/o/contacts`)
    await page.getByTestId('import-open').click()
    await page.getByTestId('import-page').waitFor()
    await page.getByTestId('import-file').setInputFiles({ name: '联系人.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${rows.join('\r\n')}\r\n`) })

    // 联系方式 is not a name the suggestions know: the user maps it to 手机 by hand.
    const phoneColumn = page.getByTestId('import-mapping-联系方式')
    await phoneColumn.waitFor()
    expect(await page.getByTestId('import-mapping-邮箱').textContent()).toContain('邮箱')
    expect(await phoneColumn.textContent()).toContain('不导入')
    await chooseOption(page, phoneColumn.locator('.ant-select'), '手机')
    await e2e.screenshot(page, 'import-mapping')
    await page.getByTestId('import-mapping-next').click()

    await page.getByTestId('import-cell-error').first().waitFor()
    await page.getByTestId('import-dry-run').click()
    const dryRun = page.getByTestId('import-dry-run-result')
    await dryRun.waitFor()
    expect(await dryRun.textContent()).toContain('将新建 40')
    expect(await dryRun.textContent()).toContain('拒绝 1')
    await e2e.screenshot(page, 'import-preview')

    await page.getByTestId('import-start').click()
    await page.getByTestId('import-progress').waitFor()
    await page.locator('[data-testid="import-run"][data-status="done"]').waitFor({ timeout: 30_000 })
    expect(await page.getByTestId('import-progress').textContent()).toContain('100%')
    expect(await page.getByTestId('import-counts').textContent()).toContain('新建 40')
    await e2e.screenshot(page, 'import-done')

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-report').click()])
    const report = fs.readFileSync((await download.path())!, 'utf8')
    expect(report.startsWith('\ufeff')).toBe(true)
    const lines = report.slice(1).trim().split('\r\n')
    expect(lines[0]).toBe('姓名,联系方式,邮箱,公司名称,原因')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toMatch(/^坏邮箱,13900139000,not-an-email,华信导入科技,邮箱: /)

    const imported = await findRecords(e2e.api, 'contacts', { email: { eq: 'import7@huaxin.cn' } })
    expect(imported[0]).toMatchObject({ name: '导入联系人7', phone: '13800138007', account_id: account.id })
  })
})
