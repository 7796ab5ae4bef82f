import { CHINA_TIME_ZONE } from '@djt/shared'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { DatabaseHandle } from './handle.ts'
import type { Database } from './schema.ts'
import { sharedParsers } from './types.ts'

export interface PostgresOptions {
  url: string
  schema: string
  poolSize: number
}

const types = {
  getTypeParser: ((oid: number, format?: string) =>
    sharedParsers[oid] ??
    pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
}

export function openPostgres({ url, schema, poolSize }: PostgresOptions): DatabaseHandle {
  const searchPath = schema === 'public' ? 'public' : `${schema},public`
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types,
    // jit off: PostgreSQL compiles a query to machine code once its estimated cost passes
    // 100,000, which a page of the evidence recompute does; compiling took 450 ms of its
    // 650 ms, 9 s of a 100,000-entry recompute. None of ours runs long enough to repay it.
    options: `-c search_path=${searchPath} -c TimeZone=${CHINA_TIME_ZONE} -c jit=off`,
    connectionTimeoutMillis: 5_000,
  })
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return {
    db,
    driver: 'postgres',
    async inScriptTransaction(fn) {
      const client = await pool.connect()
      try {
        await client.query('begin')
        const result = await fn({
          query: async (sql, params) => (await client.query(sql, params)).rows,
          exec: async (script) => {
            await client.query(script)
          },
        })
        await client.query('commit')
        return result
      } catch (error) {
        await client.query('rollback').catch(() => undefined)
        throw error
      } finally {
        client.release()
      }
    },
    poolStats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    }),
    close: () => db.destroy(),
  }
}
