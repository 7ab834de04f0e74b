import { label, type ObjectDefinition } from '../object-definition.ts'
import { TIER_OPTIONS } from './shared-options.ts'
import { QUOTE_CURRENCIES } from './quote.ts'

/** A list of prices in one currency, for every customer or for one customer tier. */
export const priceBook: ObjectDefinition = {
  name: 'price_books',
  singular: 'price_book',
  table: 'price_books',
  label: label('Price book', '价格表'),
  pluralLabel: label('Price books', '价格表'),
  titleField: 'name',
  owned: false,
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', label: label('Name', '名称'), required: true, searchable: true },
    { name: 'currency', type: 'single_select', label: label('Currency', '币种'), options: QUOTE_CURRENCIES, required: true },
    // Empty: for every customer; a tier: preferred for the accounts of that tier.
    { name: 'customer_tier', type: 'single_select', label: label('Customer tier', '适用客户等级'), options: TIER_OPTIONS },
    { name: 'active', type: 'boolean', label: label('Active', '启用') },
    { name: 'is_default', type: 'boolean', label: label('Default for its currency', '该币种默认价格表') },
    { name: 'description', type: 'long_text', label: label('Description', '说明') },
  ],
}

/** A product's price in a price book (in the book's currency). */
export const priceBookEntry: ObjectDefinition = {
  name: 'price_book_entries',
  singular: 'price_book_entry',
  table: 'price_book_entries',
  label: label('Price book entry', '价格表条目'),
  pluralLabel: label('Price book entries', '价格表条目'),
  titleField: 'name',
  owned: false,
  defaultSort: 'name',
  fields: [
    // The product's name, kept by a hook so the entry reads well in lists and pickers.
    { name: 'name', type: 'text', label: label('Product name', '产品名称'), readOnly: true, searchable: true },
    { name: 'price_book_id', type: 'relation', target: 'price_books', label: label('Price book', '价格表'), required: true },
    { name: 'product_id', type: 'relation', target: 'products', label: label('Product', '产品'), required: true },
    { name: 'unit_price', type: 'currency', label: label('Unit price', '单价'), required: true, min: 0 },
  ],
}
