import { describe, expect, it } from 'vitest'
import { useBrowserSession } from './support/browser-session.ts'
import { seedRecord } from './support/seed-records.ts'
import { chooseOption, dragWithMouse } from './support/ui-actions.ts'

describe('kanban', () => {
  const e2e = useBrowserSession()

  it('moves an opportunity to the next stage by dragging, and it stays there after a reload', async () => {
    const account = await seedRecord(e2e.api, 'accounts', { name: '杭州云栖数据有限公司' })
    const moved = await seedRecord(e2e.api, 'opportunities', { name: '数据中台一期', stage: 'initial_contact', account_id: account.id })
    await seedRecord(e2e.api, 'opportunities', { name: '运维外包续约', stage: 'proposal', account_id: account.id })

    const page = await e2e.newPage()
    await page.goto(`${e2e.baseUrl}/o/opportunities/kanban`)
    const from = page.getByTestId('kanban-column-initial_contact')
    const to = page.getByTestId('kanban-column-needs_analysis')
    const card = page.getByTestId(`kanban-card-${moved.id}`)
    await from.getByTestId(`kanban-card-${moved.id}`).waitFor()
    const count = (stage: string) => () => page.getByTestId(`kanban-count-${stage}`).textContent()
    await expect.poll(count('initial_contact')).toMatch(/^\D*1\b/)
    await expect.poll(count('needs_analysis')).toMatch(/^\D*0\b/)
    await e2e.screenshot(page, 'kanban-before-drag')

    await dragWithMouse(page, card, to)
    await to.getByTestId(`kanban-card-${moved.id}`).waitFor()
    await expect.poll(async () => (await e2e.api.get(`/api/v1/opportunities/${moved.id}`)).body.stage).toBe('needs_analysis')
    await expect.poll(count('needs_analysis')).toMatch(/^\D*1\b/)
    await expect.poll(count('initial_contact')).toMatch(/^\D*0\b/)
    await e2e.screenshot(page, 'kanban-after-drag')

    await page.reload()
    await page.getByTestId('kanban-column-needs_analysis').getByTestId(`kanban-card-${moved.id}`).waitFor()
    expect(await page.getByTestId('kanban-column-initial_contact').getByTestId(`kanban-card-${moved.id}`).count()).toBe(0)
  })
  it('asks for what the won column needs (the won reason) and then moves the card there', async () => {
    const account = await seedRecord(e2e.api, 'accounts', { name: '宁波港通物流有限公司' })
    const deal = await seedRecord(e2e.api, 'opportunities', { name: '港口调度系统', stage: 'negotiation', account_id: account.id })
    const page = await e2e.newPage()
    await page.goto(`${e2e.baseUrl}/o/opportunities/kanban`)
    const card = page.getByTestId(`kanban-card-${deal.id}`)
    await page.getByTestId('kanban-column-negotiation').getByTestId(`kanban-card-${deal.id}`).waitFor()
    const won = page.getByTestId('kanban-column-won')
    await won.scrollIntoViewIfNeeded()
    await dragWithMouse(page, card, won)
    const form = page.getByTestId('move-fields-form')
    await form.waitFor()
    await chooseOption(page, form.locator('.ant-select').first(), '产品匹配')
    await e2e.screenshot(page, 'kanban-won-reason')
    await page.getByTestId('move-fields-save').click()
    await expect.poll(async () => (await e2e.api.get(`/api/v1/opportunities/${deal.id}`)).body).toMatchObject({ stage: 'won', won_reason: 'product_fit' })
    await won.getByTestId(`kanban-card-${deal.id}`).waitFor()
  })
})
