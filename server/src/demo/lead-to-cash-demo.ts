import { Decimal } from 'decimal.js'
import type { RecordContext } from '../records/record-context.ts'
import { createRecords } from '../records/write-pipeline.ts'

const cny = (amount: string) => ({ amount, currency: 'CNY' })
const isoDay = (date: Date) => date.toISOString().slice(0, 10)

/**
 * The rest of the demo's leads-to-cash path, after its quotes: a web form to embed, assignment rules
 * for the leads it brings, and a payment plan (two instalments, the first paid) on the demo contract.
 */
export async function seedLeadToCashDemo(ctx: RecordContext, ids: Map<string, string>): Promise<Record<string, number>> {
  const workspaceId = ctx.actor.workspaceId
  await createRecords(ctx, ctx.catalog.get('web_forms'), [{
    name: '官网咨询表单', active: true, fields: ['name', 'company', 'phone', 'email', 'province', 'city', 'description'], required_fields: ['name', 'phone'],
    require_consent: true, consent_text: '我同意贵公司就本次咨询与我联系。', default_source: 'web_form', success_message: '感谢您的咨询，我们的顾问会在一个工作日内与您联系。',
  }])
  const team = ids.get('team-1')
  const rules = team
    ? [
        { name: '华东区域轮流分配', position: 1, active: true, provinces: '上海、江苏、浙江', method: 'round_robin', team_id: team },
        { name: '其余地区：未结线索最少者', position: 2, active: true, method: 'least_loaded', team_id: team },
      ]
    : []
  if (rules.length > 0) await createRecords(ctx, ctx.catalog.get('lead_assignment_rules'), rules)
  const contract = await ctx.db.selectFrom('contracts').select(['id', 'account_id', 'value', 'value_currency', 'start_date'])
    .where('workspace_id', '=', workspaceId).where('deleted_at', 'is', null).orderBy('created_at').executeTakeFirst()
  if (!contract || contract.value_currency !== 'CNY') return { web_forms: 1, lead_assignment_rules: rules.length, payment_plans: 0 }
  const total = new Decimal(String(contract.value))
  const first = total.div(2).toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
  const start = contract.start_date ? new Date(`${contract.start_date}T00:00:00Z`) : new Date()
  const [plan] = await createRecords(ctx, ctx.catalog.get('payment_plans'), [{ name: '首付 50%，验收后付清', contract_id: contract.id, account_id: contract.account_id, total: cny(total.toFixed(2)) }])
  await createRecords(ctx, ctx.catalog.get('payment_instalments'), [
    { name: '首付款', plan_id: plan.id, contract_id: contract.id, due_date: isoDay(start), amount: cny(first.toFixed(2)) },
    { name: '验收款', plan_id: plan.id, contract_id: contract.id, due_date: isoDay(new Date(start.getTime() + 60 * 86_400_000)), amount: cny(total.minus(first).toFixed(2)) },
  ])
  await createRecords(ctx, ctx.catalog.get('payments'), [{ account_id: contract.account_id, contract_id: contract.id, amount: cny(first.toFixed(2)), received_at: isoDay(start), method: 'bank_transfer', reference: 'HX20260001' }])
  return { web_forms: 1, lead_assignment_rules: rules.length, payment_plans: 1, payments: 1 }
}
