import { describe, expect, it } from 'vitest'
import { useBrowserSession } from './support/browser-session.ts'
import { findRecords, seedRecord } from './support/seed-records.ts'

describe('record page', () => {
  const e2e = useBrowserSession()

  it('logs a call from the quick actions and shows it on the timeline at once', async () => {
    const account = await seedRecord(e2e.api, 'accounts', { name: '广州南方物流有限公司' })
    const contact = await seedRecord(e2e.api, 'contacts', { name: '陈静', account_id: account.id, email: 'chen.jing@nanfang-wl.cn' })
    await seedRecord(e2e.api, 'opportunities', { name: '仓储系统升级', stage: 'proposal', account_id: account.id, contact_id: contact.id })

    const page = await e2e.newPage()
    await page.goto(`${e2e.baseUrl}/o/contacts/${contact.id}`)
    await page.getByTestId('record-title').getByText('陈静').waitFor()
    const timeline = page.getByTestId('timeline')
    await timeline.waitFor()

    await page.getByTestId('quick-call').click()
    const form = page.getByTestId('quick-form')
    await form.waitFor()
    await page.locator('#quick_activity_subject').fill('电话沟通仓储需求')
    await page.getByTestId('quick-save').click()
    await form.waitFor({ state: 'hidden' })
    await timeline.getByText('电话沟通仓储需求').waitFor()
    await e2e.screenshot(page, 'record-page-timeline', { fullPage: true })

    const [call] = await findRecords(e2e.api, 'activities', { subject: { eq: '电话沟通仓储需求' } })
    expect(call).toMatchObject({ type: 'call', contact_id: contact.id })
  })
})
