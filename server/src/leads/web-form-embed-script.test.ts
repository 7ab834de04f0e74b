import vm from 'node:vm'
import { describe, expect, it } from 'vitest'
import { compileObject } from '../metadata/object-catalog.ts'
import { lead } from '../metadata/objects/lead.ts'
import { formDefinition } from './web-form-definition.ts'
import { embedScript } from './web-form-embed-script.ts'

// Just enough of a browser page to run the embed script: elements, the script tag, fetch.
class FakeElement {
  children: FakeElement[] = []
  parentNode: FakeElement | null = null
  attributes: Record<string, string> = {}
  listeners: Record<string, (event: unknown) => void> = {}
  style = { cssText: '' }
  textContent = ''
  value = ''
  checked = false
  name = ''
  constructor(readonly tagName: string) {}
  appendChild(child: FakeElement) { child.parentNode = this; this.children.push(child); return child }
  insertBefore(child: FakeElement, before: FakeElement | null) {
    child.parentNode = this
    const index = before ? this.children.indexOf(before) : -1
    if (index < 0) this.children.push(child)
    else this.children.splice(index, 0, child)
    return child
  }
  replaceChild(next: FakeElement, old: FakeElement) { this.children[this.children.indexOf(old)] = next; next.parentNode = this; return old }
  setAttribute(key: string, value: string) { this.attributes[key] = String(value) }
  hasAttribute(key: string) { return key in this.attributes }
  addEventListener(type: string, listener: (event: unknown) => void) { this.listeners[type] = listener }
  all(): FakeElement[] { return this.children.flatMap((child) => [child, ...child.all()]) }
  get elements() { return Object.fromEntries(this.all().filter((element) => element.name).map((element) => [element.name, element])) }
}

function runEmbed(script: string, answer: { ok: boolean; body: unknown }, attributes: Record<string, string> = {}) {
  const page = new FakeElement('body')
  const tag = Object.assign(new FakeElement('script'), { src: 'https://crm.acme.cn/f/token.js' })
  Object.assign(tag.attributes, attributes)
  page.appendChild(tag)
  const requests: { url: string; init: { body: string; headers: Record<string, string> } }[] = []
  const context = {
    document: { currentScript: tag, createElement: (name: string) => new FakeElement(name), querySelector: () => null },
    location: { href: 'https://www.acme.cn/contact' },
    navigator: { language: 'zh-CN' },
    URL,
    fetch: async (url: string, init: { body: string; headers: Record<string, string> }) => {
      requests.push({ url, init })
      return { ok: answer.ok, json: async () => answer.body }
    },
  }
  vm.runInNewContext(script, context)
  const host = page.children[1]
  const form = host.children.find((child) => child.tagName === 'form')!
  const submit = async () => {
    form.listeners.submit({ preventDefault: () => {} })
    for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve))
  }
  return { host, form, requests, submit }
}

const definition = formDefinition(
  { id: 'f', version: 1, token: 'ws.abc', fields: ['name', 'email', 'industry'], required_fields: ['email'], require_consent: true, consent_text: '同意<b>条款</b>' },
  compileObject(lead),
  'zh-CN',
)

describe('the embedded form script', () => {
  it('draws the form after its script tag and posts what the visitor typed', async () => {
    const { host, form, requests, submit } = runEmbed(embedScript(definition), { ok: true, body: { message: '感谢提交' } })
    const inputs = form.elements
    expect(Object.keys(inputs)).toEqual(['name', 'email', 'industry', 'website_url', 'consent'])
    expect(inputs.industry.children.map((option) => option.textContent).slice(0, 2)).toEqual(['请选择', '制造业'])
    // Texts go in as text: the consent's markup is shown, never parsed.
    expect(form.all().some((element) => element.textContent === '同意<b>条款</b>')).toBe(true)
    inputs.name.value = ' 王小明 '
    inputs.email.value = 'wang@acme.cn'
    inputs.consent.checked = true
    await submit()
    expect(requests).toHaveLength(1)
    expect(requests[0].url).toBe('https://crm.acme.cn/api/public/forms/ws.abc')
    expect(requests[0].init.headers['accept-language']).toBe('zh-CN')
    expect(JSON.parse(requests[0].init.body)).toEqual({ name: '王小明', email: 'wang@acme.cn', consent: true })
    expect(host.children.some((child) => child.textContent === '感谢提交')).toBe(true)
  })

  it('shows each refusal beside its field, and sends nothing from a preview', async () => {
    const refused = runEmbed(embedScript(definition), { ok: false, body: { error: { message: '有字段不正确', fields: [{ field: 'email', message: '邮箱格式不正确。' }, { field: 'consent', message: '请先勾选同意后再提交。' }] } } })
    await refused.submit()
    const slot = (name: string) => refused.form.all().find((element) => element.attributes['data-error-for'] === name)!.textContent
    expect(slot('email')).toBe('邮箱格式不正确。')
    expect(slot('consent')).toBe('请先勾选同意后再提交。')
    const preview = runEmbed(embedScript(definition), { ok: true, body: {} }, { 'data-preview': '' })
    await preview.submit()
    expect(preview.requests).toEqual([])
  })

  it('keeps a closing script tag in the data from ending the script', () => {
    expect(embedScript({ ...definition, texts: { ...definition.texts, submit: '</script><script>alert(1)</script>' } })).not.toContain('</script>')
  })
})
