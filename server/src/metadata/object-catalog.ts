import { AppError } from '../errors/app-error.ts'
import type { Db } from '../db/database.ts'
import type { FieldDefinition, ObjectDefinition } from './object-definition.ts'
import { standardObjects } from './objects/index.ts'
import { pipelineStageOptions, withPipelineStages } from '../pipelines/stage-options.ts'
import { systemFields } from './system-fields.ts'

/** An object with every field it has in a workspace: system, declared and custom. */
export interface ObjectSchema extends ObjectDefinition {
  allFields: FieldDefinition[]
  field(name: string): FieldDefinition | undefined
}

export function compileObject(definition: ObjectDefinition, customFields: FieldDefinition[] = []): ObjectSchema {
  const allFields = [...systemFields(definition), ...definition.fields, ...customFields]
  const byName = new Map(allFields.map((field) => [field.name, field]))
  return { ...definition, fields: [...definition.fields, ...customFields], allFields, field: (name) => byName.get(name) }
}

/** The objects of one workspace, standard and custom. */
export class Catalog {
  private readonly byName: Map<string, ObjectSchema>
  constructor(readonly objects: ObjectSchema[]) {
    this.byName = new Map(objects.map((object) => [object.name, object]))
  }

  find(name: string): ObjectSchema | undefined {
    return this.byName.get(name)
  }

  get(name: string): ObjectSchema {
    const object = this.byName.get(name)
    if (!object) throw new AppError('OBJECT_NOT_FOUND', [], { object: name.slice(0, 64) })
    return object
  }
}

export const CUSTOM_RECORDS_TABLE = 'custom_records'

export async function loadCatalog(db: Db, workspaceId: string): Promise<Catalog> {
  const [customObjects, customFields, stageOptions] = await Promise.all([
    db.selectFrom('custom_objects').select(['id', 'definition']).where('workspace_id', '=', workspaceId).orderBy('created_at').execute(),
    db.selectFrom('custom_fields').select(['id', 'object', 'definition']).where('workspace_id', '=', workspaceId).orderBy('created_at').execute(),
    pipelineStageOptions(db, workspaceId),
  ])
  const fieldsOf = (object: string): FieldDefinition[] =>
    customFields.filter((row) => row.object === object).map((row) => ({ ...row.definition, id: row.id, custom: true }))
  const definitions: ObjectDefinition[] = [
    ...withPipelineStages(standardObjects, stageOptions),
    ...customObjects.map((row) => ({ ...row.definition, id: row.id, custom: true, table: CUSTOM_RECORDS_TABLE, fields: [] })),
  ]
  return new Catalog(definitions.map((definition) => compileObject(definition, fieldsOf(definition.name))))
}

const caches = new WeakMap<Db, Map<string, { version: number; catalog: Catalog }>>()

/** The workspace's catalog, rebuilt only when its metadata version moved. */
export async function catalogFor(db: Db, workspaceId: string, version: number): Promise<Catalog> {
  let cache = caches.get(db)
  if (!cache) caches.set(db, (cache = new Map()))
  const cached = cache.get(workspaceId)
  if (cached && cached.version === version) return cached.catalog
  const catalog = await loadCatalog(db, workspaceId)
  cache.set(workspaceId, { version, catalog })
  return catalog
}
