import { describe, expect, it } from 'vitest'
import { useBrowserSession } from './support/browser-session.ts'
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/rapport-server.ts'

describe('sign in', () => {
  const e2e = useBrowserSession()

  it('sends a signed-out visitor to sign in, refuses a wrong password, signs in and out', async () => {
    const page = await e2e.newPage({ signedIn: false })
    await page.goto(`${e2e.baseUrl}/o/contacts`)
    await page.waitForURL((url) => url.pathname === '/sign-in')
    await page.getByText('登录 Rapport').waitFor()
    await e2e.screenshot(page, 'sign-in')

    await page.locator('#email').fill(ADMIN_EMAIL)
    await page.locator('#password').fill('not the password')
    await page.locator('button[type=submit]').click()
    const refusal = page.locator('.ant-alert-error')
    await refusal.waitFor()
    expect((await refusal.textContent())?.trim()).not.toBe('')
    expect(new URL(page.url()).pathname).toBe('/sign-in')

    await page.locator('#password').fill(ADMIN_PASSWORD)
    await page.locator('button[type=submit]').click()
    await page.waitForURL((url) => url.pathname === '/o/accounts')
    const nav = page.getByTestId('module-nav')
    for (const label of ['客户', '联系人', '线索', '商机', '活动', '产品', '设置']) await nav.getByText(label, { exact: true }).waitFor()
    await e2e.screenshot(page, 'home-after-sign-in')

    await page.getByTestId('user-menu').click()
    await page.getByText('退出登录', { exact: true }).click()
    await page.waitForURL((url) => url.pathname === '/sign-in')
    await page.goto(`${e2e.baseUrl}/o/accounts`)
    await page.waitForURL((url) => url.pathname === '/sign-in')
  })
})
