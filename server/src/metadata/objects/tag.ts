import { label, type FieldDefinition, type ObjectDefinition, type SelectOption } from '../object-definition.ts'

const colour = (value: string, en: string, zh: string): SelectOption => ({ value, label: label(en, zh), color: value })

/** antd's preset tag colours, so a chip looks the same in every theme. */
export const TAG_COLOURS: SelectOption[] = [
  colour('blue', 'Blue', '蓝色'),
  colour('green', 'Green', '绿色'),
  colour('red', 'Red', '红色'),
  colour('orange', 'Orange', '橙色'),
  colour('gold', 'Gold', '金色'),
  colour('purple', 'Purple', '紫色'),
  colour('cyan', 'Cyan', '青色'),
  colour('magenta', 'Magenta', '洋红'),
  colour('lime', 'Lime', '青柠'),
  colour('geekblue', 'Geek blue', '极客蓝'),
  colour('volcano', 'Volcano', '火山红'),
]

/** A workspace-wide label put on any record through its `tags` field. */
export const tag: ObjectDefinition = {
  name: 'tags',
  singular: 'tag',
  table: 'tags',
  label: label('Tag', '标签'),
  pluralLabel: label('Tags', '标签'),
  titleField: 'name',
  owned: false,
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', label: label('Name', '标签名称'), required: true, maxLength: 50, searchable: true },
    { name: 'color', type: 'single_select', label: label('Colour', '颜色'), options: TAG_COLOURS },
    { name: 'description', type: 'text', label: label('Description', '说明'), maxLength: 200 },
  ],
}

/** The many-to-many `tags` field of a taggable object (custom objects add one as a custom relation field). */
export const tagsField: FieldDefinition = {
  name: 'tags', type: 'relation', target: 'tags', relationKind: 'many_to_many', label: label('Tags', '标签'),
}
