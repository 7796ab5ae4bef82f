import type { ColumnType, Generated } from 'kysely'

/** Row types of every table, as both drivers return them (see db/types.ts for the parsers). */
export interface Database {
  schema_migrations: SchemaMigrationTable
  regions: RegionTable
  app_meta: AppMetaTable
}

export interface SchemaMigrationTable {
  version: number
  name: string
  checksum: string
  applied_at: ColumnType<Date, never, never>
}

export type RegionLevel = 'province' | 'city' | 'county'

export interface RegionTable {
  code: string
  name: string
  level: RegionLevel
  parent_code: string | null
  /** ltree of GB/T 2260 codes from the province down, e.g. 350000.350100.350102 */
  path: string
}

export interface AppMetaTable {
  key: string
  value: ColumnType<unknown, string, string>
  updated_at: Generated<Date>
}
