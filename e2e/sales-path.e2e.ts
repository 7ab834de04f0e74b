import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { signInThroughUi, useBrowserSession } from './support/browser-session.ts'
import { findRecords, seedRecord } from './support/seed-records.ts'
import { chooseOption, dragWithMouse } from './support/ui-actions.ts'

const PASSWORD = 'a long enough password'

/** The company's own web site with the form's snippet pasted in. */
const shopPage = (baseUrl: string, token: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>云栖软件</title></head><body><h1>联系我们</h1>` +
  `<script src="${baseUrl}/f/${token}.js"></script></body></html>`

/** The company's site on another origin of this machine (Chromium lets only local pages reach a local server). */
async function startShop(html: () => string): Promise<{ origin: string; close: () => void }> {
  const server = http.createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html()))
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve))
  return { origin: `http://localhost:${(server.address() as AddressInfo).port}`, close: () => server.close() }
}

describe('leads to cash', () => {
  const e2e = useBrowserSession()

  async function signedInAs(email: string): Promise<Page> {
    const page = await e2e.newPage({ signedIn: false })
    await signInThroughUi(page, e2e.baseUrl, email, PASSWORD)
    return page
  }

  it('web form → assigned lead → convert → kanban → quote over the discount threshold → approval → PDF → contract → payment, all on the account timeline', async () => {
    const api = e2e.api
    const team = await seedRecord(api, 'teams', { name: '华东销售部' })
    const manager = await seedRecord(api, 'users', { name: '王经理', email: 'wang.manager@yunqi.cn', role: 'manager', team_id: team.id, password: PASSWORD, active: true })
    const rep = await seedRecord(api, 'users', { name: '李雷', email: 'li.lei@yunqi.cn', role: 'rep', team_id: team.id, manager_id: manager.id, password: PASSWORD, active: true })
    await seedRecord(api, 'lead_assignment_rules', { name: '江苏区域', position: 1, active: true, provinces: '江苏', method: 'user', assignee_id: rep.id })
    let token = ''
    const shop = await startShop(() => shopPage(e2e.baseUrl, token))
    const form = await seedRecord(api, 'web_forms', {
      name: '官网咨询', active: true, fields: ['name', 'company', 'phone', 'email', 'province'], required_fields: ['name', 'phone'],
      default_source: 'web_form', allowed_origins: shop.origin,
    })
    token = form.token
    await seedRecord(api, 'products', { name: '云栖 CRM 旗舰版', sku: 'CRM-PRO', unit: '套', list_price: { amount: '50000.00', currency: 'CNY' }, active: true })
    expect((await api.patch('/api/v1/quote-settings', { company_name: '苏州云栖软件有限公司' })).status).toBe(200)

    // 1. A visitor fills in the form on the company's site.
    const visitor = await e2e.newPage({ signedIn: false })
    await visitor.goto(`${shop.origin}/contact`)
    await visitor.locator('.rapport-form input[name="name"]').fill('周敏')
    await visitor.locator('.rapport-form input[name="company"]').fill('苏州工业园区华信科技有限公司')
    await visitor.locator('.rapport-form input[name="phone"]').fill('13812345678')
    await visitor.locator('.rapport-form input[name="email"]').fill('zhou.min@huaxin-tech.cn')
    await visitor.locator('.rapport-form [name="province"]').fill('江苏')
    await e2e.screenshot(visitor, 'sales-web-form')
    await visitor.locator('.rapport-form button[type="submit"]').click()
    await visitor.locator('.rapport-form .rf-success').waitFor()
    shop.close()

    // 2. The lead is assigned to the Jiangsu rep by the territory rule.
    await expect.poll(async () => (await findRecords(api, 'leads', { email: { eq: 'zhou.min@huaxin-tech.cn' } }))[0]?.owner_id).toBe(rep.id)
    const [lead] = await findRecords(api, 'leads', { email: { eq: 'zhou.min@huaxin-tech.cn' } })
    expect(lead).toMatchObject({ source: 'web_form', name: '周敏' })

    // 3. The rep converts it into an account, a contact and an opportunity.
    const repPage = await signedInAs(rep.email)
    await repPage.goto(`${e2e.baseUrl}/o/leads/${lead.id}`)
    await repPage.getByTestId('lead-convert').click()
    await repPage.getByTestId('convert-form').waitFor()
    const withDeal = repPage.getByTestId('convert-with-deal')
    if (!(await withDeal.evaluate((element) => (element.querySelector('input') ?? element as HTMLInputElement).checked))) await withDeal.click()
    await repPage.getByTestId('convert-submit').click()
    await repPage.waitForURL(/\/o\/accounts\/[0-9a-f-]{36}$/)
    const accountId = repPage.url().split('/').pop()!
    const [deal] = await findRecords(api, 'opportunities', { account_id: { eq: accountId } })
    expect(deal).toMatchObject({ stage: 'initial_contact', owner_id: rep.id })

    // 4. The opportunity moves on the kanban.
    await repPage.goto(`${e2e.baseUrl}/o/opportunities/kanban`)
    const card = repPage.getByTestId(`kanban-card-${deal.id}`)
    await repPage.getByTestId('kanban-column-initial_contact').getByTestId(`kanban-card-${deal.id}`).waitFor()
    const analysis = repPage.getByTestId('kanban-column-needs_analysis')
    await dragWithMouse(repPage, card, analysis)
    await analysis.getByTestId(`kanban-card-${deal.id}`).waitFor()
    await expect.poll(async () => (await api.get(`/api/v1/opportunities/${deal.id}`)).body.stage).toBe('needs_analysis')

    // 5. A quote from the opportunity, 20% off: over the 15% threshold.
    await repPage.goto(`${e2e.baseUrl}/o/opportunities/${deal.id}`)
    await repPage.getByTestId('related-lists').getByRole('tab', { name: '报价单' }).click()
    await repPage.getByTestId('related-new-quotes-opportunity_id').click()
    await repPage.getByTestId('record-form').waitFor()
    await repPage.locator('#form_quotes_name').fill('华信 CRM 项目报价')
    await repPage.locator('#form_quotes_discount_percent').fill('20')
    await repPage.getByTestId('form-save').click()
    await repPage.getByTestId('record-form').waitFor({ state: 'hidden' })
    await expect.poll(async () => (await findRecords(api, 'quotes', { opportunity_id: { eq: deal.id } })).length).toBe(1)
    const [quote] = await findRecords(api, 'quotes', { opportunity_id: { eq: deal.id } })
    await repPage.goto(`${e2e.baseUrl}/o/quotes/${quote.id}`)
    const picker = repPage.getByTestId('add-product-line')
    await picker.locator('input').first().pressSequentially('云栖')
    await chooseOption(repPage, picker.locator('.ant-select').first(), /云栖 CRM 旗舰版/)
    await expect.poll(async () => repPage.getByTestId('line-total').first().textContent()).toContain('50,000.00')
    await expect.poll(async () => (await api.get(`/api/v1/quotes/${quote.id}`)).body.total?.amount).toBe('40000.00')
    await e2e.screenshot(repPage, 'sales-quote-lines', { fullPage: true })

    // Sending is refused until the discount is approved; the rep asks the manager.
    await repPage.getByTestId('quote-send').click()
    await repPage.getByTestId('send-confirm').click()
    await repPage.getByText(/审批/).first().waitFor()
    expect((await api.get(`/api/v1/quotes/${quote.id}`)).body.status).not.toBe('sent')
    await repPage.getByTestId('send-cancel').click()
    await repPage.getByTestId('send-confirm').waitFor({ state: 'detached' })
    await repPage.getByTestId('submit-approval').click()
    await repPage.getByTestId('submit-approval-comment').fill('客户为园区重点企业，申请 8 折')
    await repPage.getByTestId('submit-approval-confirm').click()
    await expect.poll(async () => (await api.get(`/api/v1/approvals/record/quotes/${quote.id}`)).body.data?.[0]?.status).toBe('pending')

    // 6. The manager approves from the inbox.
    const managerPage = await signedInAs(manager.email)
    await managerPage.goto(`${e2e.baseUrl}/approvals`)
    await managerPage.getByTestId('approvals-page').waitFor()
    const approval = (await api.get(`/api/v1/approvals/record/quotes/${quote.id}`)).body.data[0]
    await managerPage.getByTestId(`approve-${approval.id}`).click()
    await managerPage.getByTestId('decision-comment').fill('同意，尽快签约')
    await managerPage.getByTestId('decision-confirm').click()
    await expect.poll(async () => (await api.get(`/api/v1/approvals/record/quotes/${quote.id}`)).body.data[0].status).toBe('approved')

    // 7. The rep sends it (marked sent, no mail server here) and downloads the PDF.
    await repPage.reload()
    await repPage.getByTestId('quote-send').click()
    const emailSwitch = repPage.getByTestId('send-email')
    if ((await emailSwitch.getAttribute('aria-checked')) === 'true') await emailSwitch.click()
    await repPage.getByTestId('send-confirm').click()
    await expect.poll(async () => (await api.get(`/api/v1/quotes/${quote.id}`)).body.status).toBe('sent')
    const [download] = await Promise.all([repPage.waitForEvent('download'), repPage.getByTestId('quote-pdf').click()])
    const pdf = fs.readFileSync((await download.path())!)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(download.suggestedFilename()).toMatch(/\.pdf$/)

    // 8. The customer accepts; the quote becomes a contract, and a payment comes in.
    await repPage.getByTestId('field-status').click()
    await chooseOption(repPage, repPage.getByTestId('field-status').locator('.ant-select').first(), '已接受')
    await repPage.getByTestId('field-save').click()
    await expect.poll(async () => (await api.get(`/api/v1/quotes/${quote.id}`)).body.status).toBe('accepted')
    await repPage.getByTestId('quote-contract').click()
    await repPage.waitForURL(/\/o\/contracts\/[0-9a-f-]{36}$/)
    const contractId = repPage.url().split('/').pop()!
    expect((await api.get(`/api/v1/contracts/${contractId}`)).body).toMatchObject({ quote_id: quote.id, value: { amount: '40000.00', currency: 'CNY' } })
    await repPage.getByTestId('record-payment').click()
    await repPage.getByTestId('record-form').waitFor()
    await repPage.locator('#form_payments_amount').fill('20000')
    await repPage.locator('#form_payments_received_at').fill('2026-11-20')
    await repPage.locator('#form_payments_received_at').press('Enter')
    await repPage.getByTestId('form-save').click()
    await repPage.getByTestId('record-form').waitFor({ state: 'hidden' })
    await expect.poll(async () => (await findRecords(api, 'payments', { contract_id: { eq: contractId } }))[0]?.amount?.amount).toBe('20000.00')
    await e2e.screenshot(repPage, 'sales-contract-payment', { fullPage: true })

    // 9. The account's timeline tells the whole story.
    await repPage.goto(`${e2e.baseUrl}/o/accounts/${accountId}`)
    const timeline = repPage.getByTestId('timeline')
    for (const object of ['opportunities', 'quotes', 'contracts', 'payments', 'contacts']) {
      await timeline.getByTestId(`timeline-related-${object}`).first().waitFor()
    }
    expect(await timeline.textContent()).toContain('华信 CRM 项目报价')
    expect(await timeline.textContent()).toContain('20000.00 CNY')
    await e2e.screenshot(repPage, 'sales-account-timeline', { fullPage: true })
  })
})
