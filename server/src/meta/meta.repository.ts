import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.ts'

export async function readMeta<T>(db: Kysely<Database>, key: string): Promise<T | undefined> {
  const row = await db
    .selectFrom('app_meta')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst()
  return row?.value as T | undefined
}

export async function writeMeta(db: Kysely<Database>, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value)
  await db
    .insertInto('app_meta')
    .values({ key, value: json })
    .onConflict((conflict) =>
      conflict.column('key').doUpdateSet({ value: json, updated_at: sql`now()` }),
    )
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
