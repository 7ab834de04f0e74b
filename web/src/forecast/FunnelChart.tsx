import { Card, Col, Empty, Row, Statistic, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatSums } from '../fields/format-money.ts'
import { useLabel } from '../metadata/labels.ts'
import type { Funnel } from './analytics-api.ts'

const BAR_COLORS = { open: '#1677ff', won: '#52c41a', lost: '#ff4d4f' } as const
const percent = (rate: number | null) => (rate === null ? null : `${(rate * 100).toFixed(1)}%`)

/** The funnel as bars: each stage's width is how many got that far, against the first stage. */
export function FunnelChart({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation('analytics')
  const label = useLabel()
  const widest = Math.max(1, ...funnel.stages.map((stage) => stage.reached))
  return (
    <Card size="small" title={t('funnel.title')} data-testid="funnel">
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}><Statistic title={t('funnel.total')} value={funnel.total.count} /></Col>
        <Col xs={12} md={6}><Statistic title={t('funnel.winRate')} value={percent(funnel.win_rate) ?? t('funnel.none')} /></Col>
        <Col xs={12} md={6}><Statistic title={t('funnel.cycle')} value={funnel.average_cycle_days === null ? t('funnel.none') : t('funnel.cycleDays', { days: funnel.average_cycle_days })} /></Col>
        <Col xs={12} md={6}><Statistic title={t('funnel.won')} value={formatSums(funnel.won.amounts)} /></Col>
      </Row>
      {funnel.total.count === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {funnel.total.count > 0 && funnel.stages.map((stage) => (
        <div key={stage.value} data-testid={`funnel-stage-${stage.value}`} style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 8 }}>
          <Typography.Text strong style={{ width: 96, flexShrink: 0 }} ellipsis>{label(stage.label)}</Typography.Text>
          <div style={{ flex: 1, display: 'flex', justifyContent: 'center', background: '#fafafa', borderRadius: 4 }}>
            <div style={{ width: `${Math.max(2, (stage.reached / widest) * 100)}%`, background: BAR_COLORS[stage.category], color: '#fff', borderRadius: 4, padding: '4px 8px', textAlign: 'center', whiteSpace: 'nowrap', overflow: 'hidden', transition: 'width 0.3s' }}>
              {t('funnel.reached', { count: stage.reached })}
            </div>
          </div>
          <div style={{ width: 220, flexShrink: 0, fontSize: 12 }}>
            <div>{t('funnel.count', { count: stage.count })} · {formatSums(stage.amounts)}</div>
            {stage.conversion_rate !== null && <Typography.Text type="secondary">{t('funnel.conversion', { rate: percent(stage.conversion_rate) })}</Typography.Text>}
          </div>
        </div>
      ))}
    </Card>
  )
}
