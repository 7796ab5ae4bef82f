/**
 * PostgreSQL type OIDs whose text form we parse the same way on both drivers:
 * pg hands int8 back as a string and dates as local midnight, PGlite as numbers and UTC midnight.
 */
export const OID = { INT8: 20, DATE: 1082 } as const

/** int8 values here are counts and ids far below 2^53. */
export const parseInt8 = (text: string): number => Number(text)
/** A calendar date stays the 'YYYY-MM-DD' text PostgreSQL sent: no time zone can shift it. */
export const parseDate = (text: string): string => text

export const sharedParsers: Record<number, (text: string) => unknown> = {
  [OID.INT8]: parseInt8,
  [OID.DATE]: parseDate,
}
