import { translate, type Locale } from '../i18n/translate.ts'
import type { ObjectSchema } from '../metadata/object-catalog.ts'
import type { FieldType } from '../metadata/object-definition.ts'
import type { ApiRecord } from '../records/row-mapping.ts'

/** The name of the hidden input people never fill in and form-filling bots do. */
export const HONEYPOT_FIELD = 'website_url'

const INPUT_TYPES: Partial<Record<FieldType, string>> = { text: 'text', email: 'email', phone: 'tel', long_text: 'textarea', single_select: 'select' }

export interface FormFieldDefinition {
  name: string
  label: string
  input: string
  required: boolean
  maxLength?: number
  options?: { value: string; label: string }[]
}

/** What a visitor's browser needs to draw the form, in the visitor's language. */
export interface FormDefinition {
  token: string
  fields: FormFieldDefinition[]
  consent: { required: true; text: string } | null
  honeypot: string
  texts: { submit: string; sending: string; success: string; failed: string; choose: string; preview: string }
}

export function formDefinition(form: ApiRecord, leads: ObjectSchema, locale: Locale): FormDefinition {
  const required = new Set(['name', ...((form.required_fields as string[] | null) ?? [])])
  const fields = ((form.fields as string[] | null) ?? ['name']).flatMap((name): FormFieldDefinition[] => {
    const field = leads.field(name)
    const input = field && INPUT_TYPES[field.type]
    if (!field || !input) return []
    return [{
      name,
      label: field.label[locale],
      input,
      required: required.has(name),
      ...(field.maxLength && { maxLength: field.maxLength }),
      ...(field.options && { options: field.options.map((option) => ({ value: option.value, label: option.label[locale] })) }),
    }]
  })
  const text = (value: unknown, fallback: string) => (typeof value === 'string' && value.trim() ? value.trim() : fallback)
  return {
    token: String(form.token),
    fields,
    consent: form.require_consent === true ? { required: true, text: text(form.consent_text, translate(locale, 'webform.consent_default')) } : null,
    honeypot: HONEYPOT_FIELD,
    texts: {
      submit: text(form.submit_label, translate(locale, 'webform.submit')),
      sending: translate(locale, 'webform.sending'),
      success: text(form.success_message, translate(locale, 'webform.success')),
      failed: translate(locale, 'webform.failed'),
      choose: translate(locale, 'webform.choose'),
      preview: translate(locale, 'webform.preview'),
    },
  }
}
