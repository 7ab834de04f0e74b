import type { Locator, Page } from 'playwright-core'

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const exactly = (text: string | RegExp) => (typeof text === 'string' ? new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`) : text)

/** The open antd dropdown of a Select (the last one: antd keeps closed ones in the page). */
const openDropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last()

/**
 * Picks the option labelled `option` in the control with this test id: an antd Select (scrolling
 * its virtual list until the option renders), a native <select>, or a group of radios/segments.
 */
export async function chooseOption(page: Page, control: Locator, option: string | RegExp) {
  const tag = await control.evaluate((element) => element.tagName)
  if (tag === 'SELECT') {
    const label = typeof option === 'string' ? option : (await control.locator('option').filter({ hasText: option }).first().textContent())!
    await control.selectOption({ label })
    return
  }
  const isSelect = await control.evaluate((element) => element.classList.contains('ant-select') || Boolean(element.closest('.ant-select')) || Boolean(element.querySelector('.ant-select')))
  if (!isSelect) {
    await control.getByText(exactly(option)).first().click()
    return
  }
  for (let attempt = 1; ; attempt++) {
    await control.click()
    const dropdown = openDropdown(page)
    await dropdown.waitFor()
    const item = dropdown.locator('.ant-select-item-option').filter({ hasText: exactly(option) }).first()
    // A searchable Select narrows its list to the typed label, wherever the list happens to be scrolled.
    const search = await searchInput(control)
    if (typeof option === 'string' && search) await search.fill(option)
    else await scrollListToTop(dropdown)
    for (let step = 0; step < 40 && !(await item.isVisible()); step++) {
      await dropdown.locator('.rc-virtual-list-holder, .ant-select-item-option').first().hover()
      await page.mouse.wheel(0, 120)
      await page.waitForTimeout(50)
    }
    await item.click()
    // A remote search answering as the click lands re-renders the list under it and can lose the choice:
    // a single Select is checked and chosen again (choosing again in a multiple one would undo it).
    if (typeof option !== 'string' || attempt === 3 || (await isMultiple(control)) || (await showsChosen(control, option))) return
  }
}

/** The antd Select of a control: the control itself, the one inside it, or the one around it. */
async function antSelect(control: Locator): Promise<Locator> {
  const where = await control.evaluate((element) => (element.classList.contains('ant-select') ? 'self' : element.querySelector('.ant-select') ? 'inside' : 'around'))
  return where === 'self' ? control : where === 'inside' ? control.locator('.ant-select').first() : control.locator('xpath=ancestor::*[contains(@class, "ant-select")][1]')
}

/** The value an antd Select shows as chosen (any of antd's class names for it across versions). */
const CHOSEN_VALUE = '.ant-select-selection-item, .ant-select-content-value, .ant-select-selection-value'

const isMultiple = async (control: Locator) => (await antSelect(control)).evaluate((element) => element.classList.contains('ant-select-multiple'))

/** Whether the Select shows `option` as its chosen value within a second. */
async function showsChosen(control: Locator, option: string): Promise<boolean> {
  const chosen = (await antSelect(control)).locator(CHOSEN_VALUE).first()
  for (let waited = 0; waited <= 1000; waited += 100) {
    if ((await chosen.count()) && (await chosen.textContent())?.includes(option)) return true
    await control.page().waitForTimeout(100)
  }
  return false
}

/** The search box of an antd Select that takes typed text (its input is not read-only), if it has one. */
async function searchInput(control: Locator): Promise<Locator | undefined> {
  const input = (await antSelect(control)).locator('input').first()
  if (!(await input.count())) return undefined
  return (await input.evaluate((element) => (element as HTMLInputElement).readOnly)) ? undefined : input
}

/** The virtual list may open scrolled to the chosen value: start the search for an option from the top. */
async function scrollListToTop(dropdown: Locator) {
  const holder = dropdown.locator('.rc-virtual-list-holder')
  if (await holder.count()) await holder.first().evaluate((element) => element.scrollTo({ top: 0 }))
}

/** Whether the antd Select already shows a chosen value. */
export async function hasChosenValue(control: Locator): Promise<boolean> {
  return control.evaluate((element) => {
    const select = element.classList.contains('ant-select') ? element : element.closest('.ant-select') ?? element.querySelector('.ant-select')
    if (!select) return Boolean((element as HTMLSelectElement).value)
    return Boolean(select.querySelector('.ant-select-selection-item, .ant-select-content-value, .ant-select-selection-value'))
  })
}

/** Picks the first option unless a value is already chosen (e.g. the filter builder's default operator). */
export async function chooseFirstOptionUnlessSet(page: Page, control: Locator) {
  if (await hasChosenValue(control)) return
  await control.click()
  const dropdown = openDropdown(page)
  await dropdown.waitFor()
  await dropdown.locator('.ant-select-item-option').first().click()
}

/** Types into the control with this test id, whether the id sits on the <input> or on a wrapper. */
export async function fillControl(control: Locator, text: string) {
  const tag = await control.evaluate((element) => element.tagName)
  const input = tag === 'INPUT' || tag === 'TEXTAREA' ? control : control.locator('input, textarea').first()
  await input.fill(text)
}

/**
 * Drags with the mouse the way a person does, in small steps: dnd-kit's pointer sensor only starts
 * after a few pixels of movement and tracks the pointer over the drop target.
 */
export async function dragWithMouse(page: Page, source: Locator, target: Locator) {
  await source.scrollIntoViewIfNeeded()
  const from = (await source.boundingBox())!
  const start = { x: from.x + from.width / 2, y: from.y + Math.min(from.height / 2, 20) }
  await page.mouse.move(start.x, start.y)
  await page.mouse.down()
  await page.mouse.move(start.x + 8, start.y + 8, { steps: 4 })
  const to = (await target.boundingBox())!
  const end = { x: to.x + to.width / 2, y: to.y + Math.min(to.height / 2, 120) }
  await page.mouse.move(end.x, end.y, { steps: 25 })
  await page.waitForTimeout(150)
  await page.mouse.move(end.x + 2, end.y + 2, { steps: 2 })
  await page.mouse.up()
}

/** The visible error under the form field holding this input (antd Form.Item's explain line). */
export const fieldError = (page: Page, inputSelector: string) =>
  page.locator('.ant-form-item').filter({ has: page.locator(inputSelector) }).locator('.ant-form-item-explain-error')
