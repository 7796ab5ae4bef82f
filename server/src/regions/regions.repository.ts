import type { Kysely, Selectable } from 'kysely'
import type { Database, RegionTable } from '../db/schema.ts'
import type { SourceRegion } from './regions.source.ts'

const BATCH = 500

type RegionRow = Pick<Selectable<RegionTable>, 'code' | 'name' | 'level' | 'parent_code' | 'path'>

/**
 * Regions already read, per database. The region list (GB/T 2260) is written by the seed
 * alone, at start before any request, and a new list comes with a new release that every
 * server starts afresh with; so a staff request need not ask the database for its own
 * region every time (a serial round trip before any of its work). Writing regions forgets
 * them all; a transaction reads past this.
 */
let known = new WeakMap<Kysely<Database>, Map<string, Readonly<RegionRow>>>()

export async function upsertRegions(db: Kysely<Database>, regions: SourceRegion[]): Promise<void> {
  known = new WeakMap()
  for (let start = 0; start < regions.length; start += BATCH) {
    const rows = regions.slice(start, start + BATCH).map((region) => ({
      code: region.code,
      name: region.name,
      level: region.level,
      parent_code: region.parentCode,
      path: region.path,
    }))
    await db
      .insertInto('regions')
      .values(rows)
      .onConflict((conflict) =>
        conflict.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          level: eb.ref('excluded.level'),
          parent_code: eb.ref('excluded.parent_code'),
          path: eb.ref('excluded.path'),
        })),
      )
      .execute()
  }
}

export async function countRegions(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('regions')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()
  return row.count
}

export function listRegions(db: Kysely<Database>, parentCode: string | null) {
  const query = db.selectFrom('regions').select(['code', 'name', 'level', 'parent_code'])
  const scoped =
    parentCode === null
      ? query.where('parent_code', 'is', null)
      : query.where('parent_code', '=', parentCode)
  return scoped.orderBy('code').execute()
}

export async function findRegion(
  db: Kysely<Database>,
  code: string,
): Promise<Readonly<RegionRow> | undefined> {
  const byCode = known.get(db)
  const hit = byCode?.get(code)
  if (hit) return hit
  const row = await db
    .selectFrom('regions')
    .select(['code', 'name', 'level', 'parent_code', 'path'])
    .where('code', '=', code)
    .executeTakeFirst()
  if (!row || db.isTransaction) return row
  const kept = Object.freeze(row)
  if (byCode) byCode.set(code, kept)
  else known.set(db, new Map([[code, kept]]))
  return kept
}

/** Regions by code, ordered from the province down. */
export async function findRegions(db: Kysely<Database>, codes: string[]) {
  if (codes.length === 0) return []
  return db
    .selectFrom('regions')
    .select(['code', 'name', 'level', 'parent_code'])
    .where('code', 'in', codes)
    .orderBy('code')
    .execute()
}
