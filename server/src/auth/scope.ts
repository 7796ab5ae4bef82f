import { type Expression, type SqlBool, sql } from 'kysely'
import type { StaffCaller } from './access.ts'

/**
 * The one jurisdiction rule: a staff member sees a record when the record's region path
 * lies inside their own region's subtree. Repositories add this to every staff query, and
 * a record outside answers 404 (its existence does not leak).
 */
export function withinScope(caller: StaffCaller, regionPathColumn: Expression<string | null>) {
  return sql<SqlBool>`${regionPathColumn} <@ ${caller.regionPath}::ltree`
}

/** The same rule for a single path already in hand. */
export function pathWithinScope(caller: StaffCaller, regionPath: string): boolean {
  return regionPath === caller.regionPath || regionPath.startsWith(`${caller.regionPath}.`)
}
