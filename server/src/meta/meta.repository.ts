import { type Kysely, sql } from 'kysely'
import { z } from 'zod'
import type { Database, JsonObject } from '../db/schema.ts'

const AnyObject = z.record(z.string(), z.unknown())

/** The value stored under `key`, checked against what that key holds; undefined when unset. */
export async function readMeta(db: Kysely<Database>, key: string): Promise<JsonObject | undefined>
export async function readMeta<T>(
  db: Kysely<Database>,
  key: string,
  schema: z.ZodType<T>,
): Promise<T | undefined>
export async function readMeta(
  db: Kysely<Database>,
  key: string,
  schema: z.ZodType = AnyObject,
): Promise<unknown> {
  const row = await db
    .selectFrom('app_meta')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst()
  return row && schema.parse(row.value)
}

export async function writeMeta(
  db: Kysely<Database>,
  key: string,
  value: JsonObject,
): Promise<void> {
  await db
    .insertInto('app_meta')
    .values({ key, value })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value, updated_at: sql`now()` }))
    .execute()
}

/** How many migrations the database has applied. */
export async function countAppliedMigrations(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('schema_migrations')
    .select((eb) => eb.fn.countAll<number>().as('applied'))
    .executeTakeFirst()
  return Number(row?.applied ?? 0)
}
