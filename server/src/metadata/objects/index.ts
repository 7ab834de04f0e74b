import type { ObjectDefinition } from '../object-definition.ts'
import { account } from './account.ts'
import { activity } from './activity.ts'
import { approval } from './approval.ts'
import { approvalRule } from './approval-rule.ts'
import { contact } from './contact.ts'
import { contract, order } from './contract.ts'
import { lead } from './lead.ts'
import { leadAssignmentRule } from './lead-assignment-rule.ts'
import { opportunity } from './opportunity.ts'
import { pipeline } from './pipeline.ts'
import { pipelineStage } from './pipeline-stage.ts'
import { quota } from './quota.ts'
import { invoice, payment } from './payment.ts'
import { paymentInstalment, paymentPlan } from './payment-plan.ts'
import { product } from './product.ts'
import { tag } from './tag.ts'
import { team } from './team.ts'
import { user } from './user.ts'
import { view } from './view.ts'
import { priceBook, priceBookEntry } from './price-book.ts'
import { quote, quoteLine } from './quote.ts'
import { webForm } from './web-form.ts'

/** The objects every workspace starts with. */
export const standardObjects: ObjectDefinition[] = [account, contact, lead, opportunity, activity, product, user, team, view, tag, webForm, leadAssignmentRule,
  approvalRule, approval, paymentPlan, paymentInstalment, payment, invoice, priceBook, priceBookEntry, quote, quoteLine, contract, order,
  pipeline, pipelineStage, quota]
