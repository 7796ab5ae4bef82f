import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'

export type Driver = 'pglite' | 'postgres'

/** One session inside an open transaction, able to run multi-statement scripts. */
export interface ScriptSession {
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>
  exec(script: string): Promise<void>
}

/** What the rest of the server sees of the database, whichever driver is underneath. */
export interface DatabaseHandle {
  db: Kysely<Database>
  driver: Driver
  /** Runs fn in one transaction on one session (migrations, seeds that need scripts). */
  inScriptTransaction<T>(fn: (session: ScriptSession) => Promise<T>): Promise<T>
  /** The pg pool's connections right now, for /metrics; PGlite has no pool. */
  poolStats?(): PoolStats
  close(): Promise<void>
}

export interface PoolStats {
  total: number
  idle: number
  /** Queries waiting for a free connection: above 0 for long, the pool is too small. */
  waiting: number
}
