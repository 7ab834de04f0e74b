import { label, type ObjectDefinition } from '../object-definition.ts'
import { PRODUCT_CATEGORIES } from './shared-options.ts'

export const product: ObjectDefinition = {
  name: 'products',
  singular: 'product',
  table: 'products',
  label: label('Product', '产品'),
  pluralLabel: label('Products', '产品'),
  titleField: 'name',
  owned: false,
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', label: label('Name', '产品名称'), required: true, searchable: true },
    { name: 'sku', type: 'text', label: label('SKU', '产品编码'), maxLength: 64, searchable: true },
    { name: 'category', type: 'single_select', label: label('Category', '类别'), options: PRODUCT_CATEGORIES },
    { name: 'unit', type: 'text', label: label('Unit', '单位'), maxLength: 20 },
    { name: 'list_price', type: 'currency', label: label('List price', '标准价格') },
    { name: 'active', type: 'boolean', label: label('Active', '在售') },
    { name: 'description', type: 'long_text', label: label('Description', '描述') },
  ],
}
