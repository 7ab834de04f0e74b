import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Form, Input, Select, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { suggestApiName } from './api-name.ts'
import { OPTION_COLOURS } from './field-type-settings.ts'

const colourOptions = Object.entries(OPTION_COLOURS).map(([value, hex]) => ({
  value,
  label: <span style={{ display: 'inline-block', width: 14, height: 14, borderRadius: 3, background: hex, verticalAlign: 'middle' }} />,
}))

/** The choices of a single or multi select field: a value (its API form), zh-CN and English labels, a tag colour. */
export function OptionsEditor() {
  const { t } = useTranslation('settings')
  const form = Form.useFormInstance()
  return (
    <Form.List
      name="options"
      rules={[{ validator: async (_rule, options?: unknown[]) => { if (!options || options.length === 0) throw new Error(t('field.optionsRequired')) } }]}
    >
      {(rows, { add, remove }, { errors }) => (
        <div data-testid="options-editor">
          {rows.map((row, index) => (
            <Space key={row.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }} size={4}>
              <Form.Item name={[row.name, 'label_zh']} style={{ marginBottom: 4, width: 120 }}>
                <Input placeholder={t('option.labelZh')} data-testid={`option-label-zh-${index}`} />
              </Form.Item>
              <Form.Item name={[row.name, 'label_en']} style={{ marginBottom: 4, width: 120 }}>
                <Input placeholder={t('option.labelEn')} data-testid={`option-label-en-${index}`} onBlur={(event) => {
                  const valuePath = ['options', row.name, 'value']
                  if (!form.getFieldValue(valuePath)) form.setFieldValue(valuePath, suggestApiName(event.target.value))
                }} />
              </Form.Item>
              <Form.Item name={[row.name, 'value']} style={{ marginBottom: 4, width: 110 }} rules={[{ required: true, message: t('option.valueRequired') }]}>
                <Input placeholder={t('option.value')} data-testid={`option-value-${index}`} />
              </Form.Item>
              <Form.Item name={[row.name, 'color']} style={{ marginBottom: 4, width: 64 }}>
                <Select options={colourOptions} aria-label={t('option.colour')} />
              </Form.Item>
              <Button type="text" icon={<DeleteOutlined />} aria-label={t('option.remove')} onClick={() => remove(row.name)} />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} data-testid="add-option"
            onClick={() => add({ color: Object.keys(OPTION_COLOURS)[rows.length % Object.keys(OPTION_COLOURS).length] })}>
            {t('option.add')}
          </Button>
          <Form.ErrorList errors={errors} />
        </div>
      )}
    </Form.List>
  )
}
