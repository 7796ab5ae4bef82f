import { type RawBuilder, sql } from 'kysely'

type Scalar = string | number | boolean | null | undefined

/**
 * A PostgreSQL text-array literal. Bulk statements send one array per column and unnest
 * them (a handful of parameters, never PostgreSQL's 65,535 limit); the literal is built
 * here because PGlite passes arrays of types it does not know (ltree) through unencoded.
 */
export function textArray(values: readonly Scalar[]): string {
  return `{${values.map(element).join(',')}}`
}

function element(value: Scalar): string {
  if (value === null || value === undefined) return 'NULL'
  const text = String(value)
  return NEEDS_ESCAPE.test(text) ? `"${text.replace(/[\\"]/g, '\\$&')}"` : `"${text}"`
}

const NEEDS_ESCAPE = /[\\"]/

/** Column name and the SQL type its text is cast to. */
export type Column = readonly [name: string, type: string]

/** `unnest($1::text[], …) as t(a, …)`, one text array per column. */
export function unnestRows(columns: readonly Column[], rows: readonly Record<string, Scalar>[]) {
  const arrays = columns.map(([name]) => sql`${textArray(rows.map((row) => row[name]))}::text[]`)
  const names = columns.map(([name]) => sql.ref(name))
  return sql`unnest(${sql.join(arrays)}) as t(${sql.join(names)})`
}

/** `t.a::type, …`: the unnested text cast back to each column's type. */
export function castColumns(columns: readonly Column[]): RawBuilder<unknown> {
  return sql.join(columns.map(([name, type]) => sql`${sql.ref(`t.${name}`)}::${sql.raw(type)}`))
}
