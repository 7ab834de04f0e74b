import { PGlite } from '@electric-sql/pglite'
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin'
let t = Date.now()
const db = await PGlite.create('memory://', { extensions: { btree_gin } })
console.log('create', Date.now() - t); t = Date.now()
const dump = await db.dumpDataDir('none')
console.log('dump', Date.now() - t, dump.size); t = Date.now()
const db2 = await PGlite.create({ loadDataDir: dump, extensions: { btree_gin } })
console.log('load', Date.now() - t)
