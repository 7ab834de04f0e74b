import { Col, Row, Statistic } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../fields/FieldValue.tsx'
import { formatSums } from '../fields/format-money.ts'
import type { Figure } from './use-record-figures.ts'

/** Open deals, total won and last contact, as the header shows them. */
export function RecordFigures({ figures }: { figures: Figure[] }) {
  const { t } = useTranslation('record-page')
  if (figures.length === 0) return null
  const shown = (figure: Figure) => {
    if (figure.kind === 'lastContact') return figure.at ? formatDateTime(figure.at) : t('never')
    if (figure.kind === 'openDeals') return t('dealsAmount', { count: figure.count ?? 0, amount: formatSums(figure.sums) })
    return formatSums(figure.sums)
  }
  return (
    <Row gutter={[16, 8]}>
      {figures.map((figure) => (
        <Col key={figure.kind} xs={figure.kind === 'openDeals' ? 24 : 12} sm={8} data-testid={`figure-${figure.kind}`}>
          <Statistic title={t(`figure.${figure.kind}`)} value={shown(figure)} styles={{ content: { fontSize: 18 } }} />
        </Col>
      ))}
    </Row>
  )
}
