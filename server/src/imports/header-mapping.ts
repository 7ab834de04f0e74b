import type { ObjectSchema } from '../metadata/object-catalog.ts'
import type { FieldDefinition } from '../metadata/object-definition.ts'
import { isImportable } from './cell-values.ts'

/** Header → field name; a header mapped to null is not imported. */
export type ColumnMapping = Record<string, string | null>

/** Other names people give a column, and how to find the field they mean on an object. */
interface Synonym {
  words: string[]
  pick(object: ObjectSchema): FieldDefinition | undefined
}

const byType = (type: string) => (object: ObjectSchema) => object.fields.find((field) => field.type === type && isImportable(field))
const byName = (...names: string[]) => (object: ObjectSchema) =>
  names.map((name) => object.field(name)).find((field) => field !== undefined && isImportable(field))

const SYNONYMS: Synonym[] = [
  { words: ['手机', '手机号', '手机号码', '移动电话', 'mobile', 'mobilephone', 'cell', 'cellphone', '电话', '联系电话', '电话号码', 'phone', 'tel', 'telephone'], pick: byType('phone') },
  { words: ['邮箱', '电子邮件', '电子邮箱', '邮件', '邮箱地址', 'email', 'e-mail', 'mail', 'emailaddress'], pick: byType('email') },
  {
    words: ['公司名称', '公司', '企业', '企业名称', '单位', '单位名称', '客户名称', '所属公司', 'company', 'companyname', 'account', 'accountname', 'organization'],
    pick: (object) => object.name === 'accounts'
      ? object.field('name')
      : object.fields.find((field) => field.type === 'relation' && field.target === 'accounts') ?? object.field('company'),
  },
  { words: ['姓名', '名字', '全名', '联系人', '联系人姓名', '名称', 'name', 'fullname', 'contactname'], pick: byName('name') },
  { words: ['职位', '职务', '头衔', 'title', 'jobtitle', 'position'], pick: byName('job_title', 'title') },
  { words: ['网站', '网址', '官网', 'website', 'url', 'web'], pick: byType('url') },
  { words: ['城市', '所在城市', 'city'], pick: byName('city') },
  { words: ['负责人', '所有者', '销售', 'owner', 'accountowner'], pick: byName('owner_id') },
  { words: ['备注', '说明', '描述', 'notes', 'note', 'remark', 'remarks', 'description'], pick: byName('description', 'notes') },
  { words: ['微信', '微信号', 'wechat', 'weixin'], pick: byName('wechat') },
  { words: ['行业', '所属行业', 'industry'], pick: byName('industry') },
  { words: ['来源', '客户来源', 'source', 'leadsource'], pick: byName('source') },
]

/** Lower case, half-width, without spaces, underscores and punctuation: "E-mail Address" ≈ "email_address". */
export function normaliseHeader(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .toLowerCase()
    .replace(/[\s_\-.:：()（）*#/\\]+/g, '')
}

function matchField(object: ObjectSchema, header: string): FieldDefinition | undefined {
  const key = normaliseHeader(header)
  if (!key) return undefined
  const exact = object.allFields.find((field) =>
    isImportable(field) && [field.name, field.label.en, field.label['zh-CN']].some((name) => normaliseHeader(name) === key))
  if (exact) return exact
  const synonym = SYNONYMS.find((entry) => entry.words.some((word) => normaliseHeader(word) === key))
  return synonym?.pick(object)
}

/** A suggested field per header from the field names, their zh/en labels and common synonyms; each field used once. */
export function suggestMapping(object: ObjectSchema, headers: string[]): ColumnMapping {
  const used = new Set<string>()
  const mapping: ColumnMapping = {}
  for (const header of headers) {
    const field = matchField(object, header)
    mapping[header] = field && !used.has(field.name) ? field.name : null
    if (field) used.add(field.name)
  }
  return mapping
}
