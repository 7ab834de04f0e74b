import { describe, expect, it } from 'vitest'
import { useBrowserSession } from './support/browser-session.ts'
import { findRecords } from './support/seed-records.ts'
import { chooseOption, fieldError } from './support/ui-actions.ts'

describe('create forms', () => {
  const e2e = useBrowserSession()

  it('creates an account, then a contact whose bad email is flagged on the field until fixed', async () => {
    const page = await e2e.newPage()
    await page.goto(`${e2e.baseUrl}/o/accounts`)
    await page.getByTestId('new-record').click()
    const form = page.getByTestId('record-form')
    await form.waitFor()
    await page.locator('#form_accounts_name').fill('华信科技有限公司')
    await page.getByTestId('form-save').click()
    await form.waitFor({ state: 'hidden' })
    await expect.poll(async () => (await findRecords(e2e.api, 'accounts', { name: { eq: '华信科技有限公司' } })).length).toBe(1)
    const [account] = await findRecords(e2e.api, 'accounts', { name: { eq: '华信科技有限公司' } })
    await page.goto(`${e2e.baseUrl}/o/accounts`)
    await page.getByTestId('list-table').locator(`tr[data-row-key="${account.id}"]`).getByText('华信科技有限公司').waitFor()

    await page.goto(`${e2e.baseUrl}/o/contacts`)
    await page.getByTestId('new-record').click()
    await form.waitFor()
    await page.locator('#form_contacts_name').fill('张伟')
    await page.locator('#form_contacts_email').fill('zhang.wei#huaxin-tech')
    await page.locator('#form_contacts_account_id').pressSequentially('华信')
    await chooseOption(page, page.locator('.ant-form-item').filter({ has: page.locator('#form_contacts_account_id') }).locator('.ant-select').first(), '华信科技有限公司')
    await page.getByTestId('form-save').click()
    const emailError = fieldError(page, '#form_contacts_email')
    await emailError.waitFor()
    expect(await emailError.textContent()).toContain('邮箱格式不正确')
    await e2e.screenshot(page, 'contact-form-bad-email')
    expect(await findRecords(e2e.api, 'contacts', { name: { eq: '张伟' } })).toEqual([])

    await page.locator('#form_contacts_email').fill('zhang.wei@huaxin-tech.cn')
    await page.getByTestId('form-save').click()
    await form.waitFor({ state: 'hidden' })
    await expect.poll(async () => (await findRecords(e2e.api, 'contacts', { name: { eq: '张伟' } }))[0]).toMatchObject({
      email: 'zhang.wei@huaxin-tech.cn',
      account_id: account.id,
    })
  })
})
