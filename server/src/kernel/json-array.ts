import type { JSONColumnType } from 'kysely'

declare const jsonText: unique symbol

/** JSON text of a T[]: made only by jsonArray, so a column of this type takes nothing else. */
export type JsonArrayText<T> = string & { readonly [jsonText]: T[] }

/** A jsonb column holding an array: read back as T[], written through jsonArray. */
export type JsonArrayColumn<T> = JSONColumnType<T[], JsonArrayText<T>, JsonArrayText<T>>

/**
 * An array for a jsonb column. node-postgres sends a top-level JS array as a PostgreSQL
 * array literal, not JSON (objects it stringifies): the text goes instead.
 */
export function jsonArray<T>(value: readonly T[]): JsonArrayText<T> {
  return JSON.stringify(value) as JsonArrayText<T>
}
