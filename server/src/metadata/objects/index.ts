import type { ObjectDefinition } from '../object-definition.ts'
import { account } from './account.ts'
import { activity } from './activity.ts'
import { contact } from './contact.ts'
import { lead } from './lead.ts'
import { opportunity } from './opportunity.ts'
import { product } from './product.ts'
import { tag } from './tag.ts'
import { team } from './team.ts'
import { user } from './user.ts'
import { view } from './view.ts'

/** The objects every workspace starts with. */
export const standardObjects: ObjectDefinition[] = [account, contact, lead, opportunity, activity, product, user, team, view, tag]
