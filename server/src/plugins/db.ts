import fp from 'fastify-plugin'
import type { Kysely } from 'kysely'
import type { Config } from '../config.ts'
import type { DatabaseHandle } from '../db/handle.ts'
import { migrate, readMigrations } from '../db/migrate.ts'
import { openDatabase } from '../db/open.ts'
import type { Database } from '../db/schema.ts'
import { runSeeds } from '../seed/seed.ts'

declare module 'fastify' {
  interface FastifyInstance {
    database: DatabaseHandle
    db: Kysely<Database>
    /** How many migration files this build ships: readiness compares it with the database. */
    migrationCount: number
  }
}

/** Opens the database, brings its schema up to date and runs the due seed steps. */
export default fp(
  async (app, { config }: { config: Config }) => {
    const handle = await openDatabase(config)
    app.addHook('onClose', () => handle.close())
    const files = await readMigrations()
    const applied = await migrate(handle, files)
    if (applied.length > 0) app.log.info({ applied }, 'migrations applied')
    const seeded = await runSeeds(handle.db, { demo: config.seedDemo, cipher: app.cipher })
    if (seeded.ran.length > 0) app.log.info({ steps: seeded.ran }, 'seed steps ran')
    app.decorate('database', handle)
    app.decorate('db', handle.db)
    app.decorate('migrationCount', files.length)
  },
  { name: 'db', dependencies: ['crypto'] },
)
