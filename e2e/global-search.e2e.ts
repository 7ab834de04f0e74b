import { describe, expect, it } from 'vitest'
import { useBrowserSession } from './support/browser-session.ts'
import { seedRecord } from './support/seed-records.ts'

describe('global search', () => {
  const e2e = useBrowserSession()

  it('opens with Ctrl+K, finds a contact by pinyin initials and opens it from the keyboard', async () => {
    const account = await seedRecord(e2e.api, 'accounts', { name: '北京京东方科技' })
    const zhang = await seedRecord(e2e.api, 'contacts', { name: '张伟', account_id: account.id, email: 'zhang.wei@boe-tech.cn' })
    await seedRecord(e2e.api, 'contacts', { name: '王芳', account_id: account.id })

    const page = await e2e.newPage()
    await page.goto(`${e2e.baseUrl}/o/accounts`)
    await page.getByTestId('module-nav').waitFor()
    await page.keyboard.press('Control+K')
    const input = page.getByTestId('search-input')
    await input.waitFor()
    await input.pressSequentially('zw', { delay: 50 })
    const results = page.getByTestId('search-result')
    await results.filter({ hasText: '张伟' }).first().waitFor()
    expect(await results.filter({ hasText: '王芳' }).count()).toBe(0)
    await e2e.screenshot(page, 'search-pinyin-initials')

    // Keyboard navigable: Enter opens the highlighted result (↓ first if nothing is highlighted yet).
    await page.keyboard.press('Enter')
    const opened = (url: URL) => url.pathname === `/o/contacts/${zhang.id}`
    await page.waitForURL(opened, { timeout: 2_000 }).catch(async () => {
      await input.focus()
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('Enter')
      await page.waitForURL(opened)
    })
    await page.getByTestId('record-title').getByText('张伟').waitFor()

    await page.keyboard.press('Control+K')
    await input.fill('zhangwei')
    await results.filter({ hasText: '张伟' }).first().waitFor()
  })
})
