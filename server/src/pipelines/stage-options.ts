import type { Db } from '../db/database.ts'
import type { ObjectDefinition, SelectOption } from '../metadata/object-definition.ts'
import { workspaceStages, type StageCategory } from './pipeline-stages.ts'

const OPEN_COLORS = ['blue', 'cyan', 'geekblue', 'gold', 'orange', 'purple', 'magenta', 'lime']
const CLOSED_COLORS: Record<Exclude<StageCategory, 'open'>, string> = { won: 'green', lost: 'red' }

/**
 * The opportunity stage options of a workspace: every live stage of its pipelines (a value used by
 * several pipelines appears once, as the default pipeline names it). Undefined before any exist.
 */
export async function pipelineStageOptions(db: Db, workspaceId: string): Promise<SelectOption[] | undefined> {
  const stages = await workspaceStages(db, workspaceId)
  if (stages.length === 0) return undefined
  const options = new Map<string, SelectOption>()
  for (const stage of stages) {
    if (options.has(stage.value)) continue
    const color = stage.category === 'open' ? OPEN_COLORS[stage.position % OPEN_COLORS.length] : CLOSED_COLORS[stage.category]
    options.set(stage.value, { value: stage.value, label: stage.label, color, probability: stage.probability })
  }
  return [...options.values()]
}

/** The definitions with the opportunity stage field's options replaced by the workspace's stages. */
export function withPipelineStages(definitions: ObjectDefinition[], options: SelectOption[] | undefined): ObjectDefinition[] {
  if (!options) return definitions
  return definitions.map((definition) => definition.name !== 'opportunities' ? definition : {
    ...definition,
    fields: definition.fields.map((field) => (field.name === 'stage' ? { ...field, options } : field)),
  })
}
