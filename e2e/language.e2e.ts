import { describe, expect, it } from 'vitest'
import { useBrowserSession } from './support/browser-session.ts'
import { seedRecord } from './support/seed-records.ts'

describe('language', () => {
  const e2e = useBrowserSession()

  it('shows Chinese to a zh-CN browser and switches to English from the header, remembered on reload', async () => {
    const contact = await seedRecord(e2e.api, 'contacts', { name: '李娜', email: 'li.na@example.cn' })
    const page = await e2e.newPage()
    await page.goto(`${e2e.baseUrl}/o/contacts`)
    const nav = page.getByTestId('module-nav')
    const table = page.getByTestId('list-table')
    for (const label of ['客户', '联系人', '商机', '设置']) await nav.getByText(label, { exact: true }).waitFor()
    await table.locator(`tr[data-row-key="${contact.id}"]`).waitFor()
    for (const header of ['姓名', '邮箱']) await table.locator('thead').getByText(header, { exact: true }).waitFor()
    expect(await page.getByTestId('language-switch').textContent()).toContain('简体中文')
    await e2e.screenshot(page, 'contacts-zh-CN')

    await page.getByTestId('language-switch').click()
    await page.getByRole('menuitem', { name: 'English' }).click()
    for (const label of ['Accounts', 'Contacts', 'Opportunities', 'Settings']) await nav.getByText(label, { exact: true }).waitFor()
    for (const header of ['Name', 'Email']) await table.locator('thead').getByText(header, { exact: true }).waitFor()
    expect(await nav.getByText('联系人', { exact: true }).count()).toBe(0)
    await e2e.screenshot(page, 'contacts-en')

    await page.reload()
    await nav.getByText('Contacts', { exact: true }).waitFor()
    await page.getByTestId('language-switch').click()
    await page.getByRole('menuitem', { name: '简体中文' }).click()
    await nav.getByText('联系人', { exact: true }).waitFor()
  })

  it('follows an English browser from the sign-in page on', async () => {
    const signedOut = await e2e.newPage({ signedIn: false, locale: 'en-US' })
    await signedOut.goto(`${e2e.baseUrl}/sign-in`)
    await signedOut.getByText('Sign in to Rapport').waitFor()

    const page = await e2e.newPage({ locale: 'en-US' })
    await page.goto(`${e2e.baseUrl}/o/accounts`)
    for (const label of ['Accounts', 'Contacts', 'Settings']) await page.getByTestId('module-nav').getByText(label, { exact: true }).waitFor()
  })
})
