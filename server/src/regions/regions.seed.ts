import { z } from 'zod'
import { writeMeta } from '../meta/meta.repository.ts'
import type { SeedStep } from '../seed/seed.ts'
import { upsertRegions } from './regions.repository.ts'
import { readSourceRegions, regionSourceVersion } from './regions.source.ts'

export const REGIONS_META_KEY = 'regions_source'
/** What REGIONS_META_KEY holds: the source's version and how many regions it gave. */
export const RegionsMeta = z.object({ source: z.string(), count: z.number() })

/** Loads (or refreshes, when the data package is upgraded) the GB/T 2260 regions. */
export const regionsSeed: SeedStep = {
  name: 'regions',
  demo: false,
  version: regionSourceVersion(),
  async run(trx) {
    const regions = readSourceRegions()
    await upsertRegions(trx, regions)
    await writeMeta(trx, REGIONS_META_KEY, { source: regionSourceVersion(), count: regions.length })
  },
}
