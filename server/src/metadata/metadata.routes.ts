import type { FastifyInstance } from 'fastify'
import type { Actor } from '../access/actor.ts'
import { can, permissionFor } from '../access/record-access.ts'
import type { RolePermissions } from '../access/roles.ts'
import { AppError } from '../errors/app-error.ts'
import { recordContextOf, type AppServices } from '../http/request-context.ts'
import { operatorsOf } from '../records/list-filters.ts'
import { addCustomField, addCustomObject } from './custom-metadata.ts'
import { indexKind, isListField } from './field-sql.ts'
import type { ObjectSchema } from './object-catalog.ts'
import type { Label } from './object-definition.ts'

/** What a client needs to render and query an object: fields, their operators and labels, and (for a caller) what they may do. */
export function describeObject(object: ObjectSchema, actor?: Actor) {
  return {
    name: object.name,
    singular: object.singular,
    label: object.label,
    pluralLabel: object.pluralLabel,
    titleField: object.titleField,
    owned: object.owned,
    custom: Boolean(object.custom),
    defaultSort: object.defaultSort ?? '-created_at',
    duplicateRules: object.custom ? [] : (object.duplicateRules ?? []),
    fields: object.allFields.map((field) => ({
      name: field.name,
      type: field.type,
      label: field.label,
      required: Boolean(field.required),
      readOnly: Boolean(field.readOnly),
      system: Boolean(field.system),
      custom: Boolean(field.custom),
      options: field.options,
      target: field.target,
      relationKind: field.relationKind,
      maxLength: field.maxLength,
      min: field.min,
      max: field.max,
      scale: field.scale,
      operators: operatorsOf(field),
      sortable: !isListField(field) && indexKind(field) !== 'none',
    })),
    ...(actor && { permissions: permissionFor(actor, object) }),
  }
}

export function registerMetadataRoutes(app: FastifyInstance, services: AppServices) {
  const adminOnly = (role: string) => {
    if (role !== 'admin') throw new AppError('FORBIDDEN')
  }

  app.get('/api/metadata/objects', async (request) => {
    const ctx = await recordContextOf(services, request)
    return { data: ctx.catalog.objects.filter((object) => can(ctx.actor, object, 'read')).map((object) => describeObject(object, ctx.actor)) }
  })

  // The workspace's roles and what each may do per object (`*` covers objects not listed); readable by every member.
  app.get('/api/metadata/roles', async (request) => {
    const ctx = await recordContextOf(services, request)
    const rows = await services.database.db
      .selectFrom('roles').select(['key', 'label', 'permissions']).where('workspace_id', '=', ctx.actor.workspaceId).orderBy('key').execute()
    return { data: rows as { key: string; label: Label; permissions: RolePermissions }[] }
  })

  app.get('/api/metadata/objects/:object', async (request) => {
    const ctx = await recordContextOf(services, request)
    return describeObject(ctx.catalog.get((request.params as { object: string }).object), ctx.actor)
  })

  app.post('/api/metadata/objects', async (request, reply) => {
    const ctx = await recordContextOf(services, request)
    adminOnly(ctx.actor.role)
    const object = await addCustomObject(services.database, ctx, request.body)
    return reply.status(201).send(describeObject(object))
  })

  app.post('/api/metadata/objects/:object/fields', async (request, reply) => {
    const ctx = await recordContextOf(services, request)
    adminOnly(ctx.actor.role)
    const field = await addCustomField(services.database, ctx, (request.params as { object: string }).object, request.body)
    return reply.status(201).send(field)
  })
}
