import { describe, expect, it } from 'vitest'
import { useBrowserSession } from './support/browser-session.ts'
import { seedRecord } from './support/seed-records.ts'
import { chooseFirstOptionUnlessSet, chooseOption, fillControl } from './support/ui-actions.ts'

describe('custom fields', () => {
  const e2e = useBrowserSession()

  it('adds a field to contacts in settings, then filters the contact list by it', async () => {
    const page = await e2e.newPage()
    await page.goto(`${e2e.baseUrl}/settings`)
    await page.getByTestId('settings-nav').getByText('字段', { exact: true }).click()
    await page.getByTestId('settings-fields').waitFor()
    await chooseOption(page, page.getByTestId('fields-object'), '联系人')
    await page.getByTestId('add-field').click()
    await fillControl(page.getByTestId('field-label-zh'), '爱好')
    await fillControl(page.getByTestId('field-label-en'), 'Hobby')
    await fillControl(page.getByTestId('field-name'), 'hobby')
    await chooseOption(page, page.getByTestId('field-type'), '单行文本')
    await e2e.screenshot(page, 'settings-add-field')
    await page.getByTestId('field-save').click()
    await expect.poll(async () => (await e2e.api.get('/api/metadata/objects/contacts')).body.fields?.find((field: { name: string }) => field.name === 'hobby')?.type).toBe('text')
    await page.getByTestId('settings-fields').getByText('爱好', { exact: true }).first().waitFor()
    await e2e.screenshot(page, 'settings-fields')

    const golfer = await seedRecord(e2e.api, 'contacts', { name: '周杰', hobby: '高尔夫' })
    const angler = await seedRecord(e2e.api, 'contacts', { name: '吴敏', hobby: '钓鱼' })
    // The count is asked for only once the rows are in (the embedded database answers one query at a time),
    // even when the rows are slow to come: here they are held back for a moment.
    const contactList = (url: URL) => url.pathname === '/api/v1/contacts'
    await page.route(contactList, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 700))
      await route.continue()
    })
    const order: string[] = []
    page.on('request', (request) => { if (new URL(request.url()).pathname === '/api/v1/contacts/aggregate') order.push('count asked') })
    page.on('response', (response) => { if (new URL(response.url()).pathname === '/api/v1/contacts') order.push('rows in') })
    await page.goto(`${e2e.baseUrl}/o/contacts`)
    const table = page.getByTestId('list-table')
    await table.locator(`tr[data-row-key="${golfer.id}"]`).waitFor()
    await table.locator(`tr[data-row-key="${angler.id}"]`).waitFor()
    await page.getByTestId('record-count').waitFor()
    expect(order).toContain('count asked')
    expect(order.indexOf('rows in')).toBeLessThan(order.indexOf('count asked'))
    await page.unroute(contactList)

    // At once in the create form too.
    await page.getByTestId('new-record').click()
    await page.locator('#form_contacts_hobby').waitFor()
    await page.keyboard.press('Escape')
    await page.getByTestId('record-form').waitFor({ state: 'hidden' })

    await page.getByTestId('open-filters').click()
    await page.getByTestId('filter-add').click()
    await chooseOption(page, page.getByTestId('filter-field').last(), '爱好')
    await chooseFirstOptionUnlessSet(page, page.getByTestId('filter-operator').last())
    await fillControl(page.getByTestId('filter-value').last(), '高尔夫')
    await page.getByTestId('filter-apply').click()
    await table.locator(`tr[data-row-key="${angler.id}"]`).waitFor({ state: 'detached' })
    await table.locator(`tr[data-row-key="${golfer.id}"]`).waitFor()
    await page.getByTestId('record-count').filter({ hasText: /^\D*1\D*$/ }).waitFor()
    await e2e.screenshot(page, 'list-filtered-by-custom-field')
  })
})
