import { standardObjects } from '../metadata/objects/index.ts'
import { registerHooks } from '../records/record-hooks.ts'
import { duplicateKeys, keyFields } from './duplicate-keys.ts'

// Keeps the duplicate key columns in step with the record, inside the write transaction.
for (const object of standardObjects.filter((definition) => definition.duplicateRules?.length)) {
  const watched = keyFields(object)
  registerHooks(object.name, {
    async beforeWrite(_trx, _ctx, change) {
      if (change.op !== 'create' && change.op !== 'update') return
      if (change.op === 'update' && !watched.some((name) => name in change.values)) return
      const keys = duplicateKeys(object, { ...change.before, ...change.values })
      for (const rule of object.duplicateRules ?? []) if (rule.kind === 'name') keys[`dup_${rule.kind}`] ??= ''
      Object.assign(change.privateColumns, keys)
    },
  })
}
