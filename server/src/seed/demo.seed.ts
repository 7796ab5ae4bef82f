import { writeMeta } from '../meta/meta.repository.ts'
import type { SeedStep } from './seed.ts'

export const DEMO_META_KEY = 'demo'

/**
 * Marks the database as a demo one: the status endpoint reports it and every page then
 * shows a demo banner. Demo rows of later issues are added by their own demo steps.
 */
export const demoMarkerSeed: SeedStep = {
  name: 'demo-marker',
  demo: true,
  version: '1',
  run: (trx) =>
    writeMeta(trx, DEMO_META_KEY, {
      label: '演示数据',
      note: 'Fictitious demo dataset: never use this database for real records.',
      loadedAt: new Date().toISOString(),
    }),
}
