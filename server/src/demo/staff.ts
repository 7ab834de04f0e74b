/** The demo sales organisation: teams, users, and who owns which territory's records. */
import type { DemoRecord } from './demo-dataset.ts'
import { chinaMobile, mailboxName, makePerson } from './people.ts'
import type { Region } from './pools-places.ts'
import { Random, weighted } from './random.ts'

/** [name, description, territory, the manager's job title]. */
const TEAMS: readonly (readonly [string, string, Region | undefined, string])[] = [
  ['华东销售部', '负责上海、江苏、浙江、安徽的客户开发与维护。', 'east', '华东区销售总监'],
  ['华北销售部', '负责北京、天津、山东、辽宁的客户开发与维护。', 'north', '华北区销售总监'],
  ['Global Accounts', 'Multinational customers and overseas key accounts, served in English.', 'global', 'Head of Global Accounts'],
  ['华南销售部', '负责广东、福建的客户开发与维护。', 'south', '华南区销售总监'],
  ['西南销售部', '负责四川、重庆、陕西的客户开发与维护。', 'west', '西南区销售总监'],
  ['华中销售部', '负责湖北、湖南、河南的客户开发与维护。', 'central', '华中区销售总监'],
  ['渠道合作部', '管理代理商与合作伙伴。', undefined, '渠道总监'],
]

export const USER_MAIL_DOMAIN = 'rapport.local'

export interface StaffMember {
  key: string
  role: 'admin' | 'manager' | 'rep'
  region?: Region
}

export function makeTeams(count: number): DemoRecord[] {
  return Array.from({ length: count }, (_, index) => {
    const [name, description] = TEAMS[index % TEAMS.length]
    const round = Math.floor(index / TEAMS.length)
    return { key: `team-${index + 1}`, links: {}, values: { name: round === 0 ? name : `${name} ${round + 1}`, description } }
  })
}

/** Adds a number before the @ until the address is new: zhang.wei@…, zhang.wei2@… */
export function uniqueEmail(taken: Set<string>, local: string, domain: string): string {
  let email = `${local}@${domain}`
  for (let n = 2; taken.has(email); n++) email = `${local}${n}@${domain}`
  taken.add(email)
  return email
}

/**
 * One admin, about a quarter managers (one per team, in team order), the rest reps spread over the teams and
 * reporting to their team's manager. Members of the global team, and every fifth rep, have English names.
 */
export function makeUsers(rng: Random, count: number, teamCount: number, emails: Set<string>): { records: DemoRecord[]; staff: StaffMember[] } {
  const managerCount = count >= 3 ? Math.max(1, Math.round(count / 4)) : Math.max(0, count - 1)
  const records: DemoRecord[] = []
  const staff: StaffMember[] = []
  const managerOfTeam = new Map<number, string>()
  for (let index = 0; index < count; index++) {
    const role = index === 0 ? 'admin' : index <= managerCount ? 'manager' : 'rep'
    const repIndex = index - managerCount - 1
    const team = teamCount === 0 ? -1 : role === 'admin' ? 0 : role === 'manager' ? (index - 1) % teamCount : repIndex % teamCount
    const [, , region, managerTitle] = team >= 0 ? TEAMS[team % TEAMS.length] : [undefined, undefined, undefined, '销售总监']
    const english = region === 'global' || (role === 'rep' && repIndex % 5 === 3)
    const person = makePerson(rng, !english)
    const key = `user-${index + 1}`
    const jobTitle = role === 'admin' ? '系统管理员'
      : role === 'manager' ? managerTitle
        : english ? rng.pick(['Account Executive', 'Senior Account Manager']) : rng.pick(['客户经理', '销售代表', '高级销售代表'])
    const links: Record<string, string> = {}
    if (team >= 0) links.team_id = `team-${team + 1}`
    if (role === 'manager' && !managerOfTeam.has(team)) managerOfTeam.set(team, key)
    const manager = role === 'rep' ? (managerOfTeam.get(team) ?? records[1]?.key) : undefined
    if (manager) links.manager_id = manager
    records.push({
      key,
      links,
      values: {
        name: person.name,
        email: uniqueEmail(emails, mailboxName(rng, person), USER_MAIL_DOMAIN),
        role,
        job_title: jobTitle,
        phone: chinaMobile(rng),
        locale: english ? 'en' : 'zh-CN',
        active: index < 8 || rng.chance(0.9),
      },
    })
    staff.push({ key, role, region })
  }
  return { records, staff }
}

/**
 * Picks the owner of a record in a territory: usually a rep (or, less often, a manager) of the team covering it,
 * otherwise any seller. Returns undefined only when there are no users.
 */
export function ownerPicker(staff: StaffMember[]): (rng: Random, region?: Region) => string | undefined {
  const sellers = staff.some((member) => member.role !== 'admin') ? staff.filter((member) => member.role !== 'admin') : staff
  const pickerOf = (members: StaffMember[]) =>
    members.length === 0 ? undefined : weighted(members.map((member) => [member.key, member.role === 'rep' ? 3 : 1] as const))
  const anyone = pickerOf(sellers)
  const byRegion = new Map<Region, (rng: Random) => string>()
  for (const member of sellers) {
    if (member.region && !byRegion.has(member.region)) byRegion.set(member.region, pickerOf(sellers.filter((m) => m.region === member.region))!)
  }
  return (rng, region) => {
    const local = region ? byRegion.get(region) : undefined
    if (local && rng.chance(0.85)) return local(rng)
    return anyone?.(rng)
  }
}
