import { describe, expect, it } from 'vitest'
import { useBrowserSession } from './support/browser-session.ts'
import { seedRecord } from './support/seed-records.ts'

const PHONE = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }

describe('phone screens (375×812)', () => {
  const e2e = useBrowserSession()

  it('shows the contact list as cards and the record page stacked, quick actions in reach', async () => {
    const account = await seedRecord(e2e.api, 'accounts', { name: '深圳前海微众科技' })
    const contact = await seedRecord(e2e.api, 'contacts', { name: '刘洋', account_id: account.id, email: 'liu.yang@qianhai-tech.cn', phone: '13800138000', job_title: '采购总监' })
    await seedRecord(e2e.api, 'opportunities', { name: '移动办公平台', stage: 'negotiation', account_id: account.id, contact_id: contact.id, amount: { amount: '360000', currency: 'CNY' } })
    await seedRecord(e2e.api, 'activities', { type: 'meeting', subject: '现场演示移动端', contact_id: contact.id, account_id: account.id })

    const page = await e2e.newPage(PHONE)
    await page.goto(`${e2e.baseUrl}/o/contacts`)
    const card = page.getByTestId('record-card').filter({ hasText: '刘洋' })
    await card.waitFor()
    expect(await page.getByTestId('list-table').isVisible()).toBe(false)
    await expectNoSidewaysScroll(page)
    await e2e.screenshot(page, 'phone-contacts')

    // On the name: the card's other lines link elsewhere (its account).
    await card.getByText('刘洋', { exact: true }).tap()
    await page.waitForURL((url) => url.pathname === `/o/contacts/${contact.id}`)
    await page.getByTestId('record-title').getByText('刘洋').waitFor()
    await page.getByTestId('timeline').getByText('现场演示移动端').waitFor()
    await expectNoSidewaysScroll(page)
    const quickCall = page.getByTestId('quick-call')
    await quickCall.waitFor()
    const box = (await quickCall.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(375)
    expect(box.y + box.height, 'a quick action shows on the first screen').toBeLessThanOrEqual(812)
    await e2e.screenshot(page, 'phone-record-page')
    await e2e.screenshot(page, 'phone-record-page-full', { fullPage: true })

    await quickCall.tap()
    const form = page.getByTestId('quick-form')
    await form.waitFor()
    expect((await form.boundingBox())!.width).toBeLessThanOrEqual(375)
    await e2e.screenshot(page, 'phone-quick-call')
  })
})

async function expectNoSidewaysScroll(page: import('playwright-core').Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }))
  expect(scrollWidth, 'the page scrolls sideways on a phone').toBeLessThanOrEqual(clientWidth + 1)
}
