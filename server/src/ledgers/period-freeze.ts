import { lastEndedPeriod, periodYear } from '@djt/shared'
import type { Kysely } from 'kysely'
import type { Database, RegionLevel } from '../db/schema.ts'
import { buildLedger } from './ledgers.service.ts'
import {
  hasSnapshot,
  insertSnapshot,
  regionsWithoutSnapshot,
  tryFreezeLock,
} from './period-snapshots.repository.ts'

type Db = Kysely<Database>
interface Region {
  code: string
  name: string
  level: RegionLevel
  path: string
}

export interface FreezeResult {
  period: string
  frozen: number
  failed: number
  /** Another server held the freeze lock: it is doing the work, this one stopped. */
  busy: boolean
}

interface FreezeOptions {
  /** Each region's own freeze time (a whole run takes a while); default `now` for all. */
  clock?: () => Date
  signal?: AbortSignal
  onError?: (region: Region, error: unknown) => void
  /** Called once when there are regions to freeze, before the first. */
  onStart?: (period: string, regions: number) => void
}

/**
 * Freezes the ledger of every region still without one for the last half-year ended at
 * `now`. One short transaction per region, so PGlite's single session keeps answering
 * requests in between; `asOf` and `frozen_at` say when it really happened.
 */
export async function freezeEndedPeriod(
  db: Db,
  now: Date,
  { clock = () => now, signal, onError, onStart }: FreezeOptions = {},
): Promise<FreezeResult> {
  const period = lastEndedPeriod(now)
  const result: FreezeResult = { period, frozen: 0, failed: 0, busy: false }
  const regions = await regionsWithoutSnapshot(db, period)
  if (regions.length > 0) onStart?.(period, regions.length)
  for (const region of regions) {
    if (signal?.aborted) break
    try {
      const outcome = await db
        .transaction()
        .execute((trx) => freezeOne(trx, region, period, clock()))
      if (outcome === 'busy') return { ...result, busy: true }
      if (outcome === 'frozen') result.frozen += 1
    } catch (error) {
      // One region's failure must not keep every region after it unfrozen.
      result.failed += 1
      onError?.(region, error)
    }
  }
  return result
}

async function freezeOne(
  trx: Db,
  region: Region,
  period: string,
  now: Date,
): Promise<'frozen' | 'present' | 'busy'> {
  if (!(await tryFreezeLock(trx))) return 'busy'
  // Another server may have frozen it since the list was read.
  if (await hasSnapshot(trx, region.code, period)) return 'present'
  const ledger = await buildLedger(trx, region, now, periodYear(period))
  await insertSnapshot(trx, {
    region_code: region.code,
    region_path: region.path,
    period,
    snapshot: ledger,
    frozen_at: now,
  })
  return 'frozen'
}
