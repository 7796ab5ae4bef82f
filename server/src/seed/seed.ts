import { type Kysely, sql, type Transaction } from 'kysely'
import { z } from 'zod'
import { demoActivitiesSeed } from '../activities/activities.demo-seed.ts'
import type { FieldCipher } from '../crypto/field-cipher.ts'
import type { Database } from '../db/schema.ts'
import { demoDifficultiesSeed } from '../difficulties/difficulties.demo-seed.ts'
import { demoHonoursSeed } from '../honours/honours.demo-seed.ts'
import { demoMembershipsSeed } from '../memberships/memberships.demo-seed.ts'
import { readMeta, writeMeta } from '../meta/meta.repository.ts'
import { demoPlacesSeed } from '../places/places.demo-seed.ts'
import { demoPlatformSitesSeed } from '../platform-sites/platform-sites.demo-seed.ts'
import { demoPledgesSeed } from '../pledges/pledges.demo-seed.ts'
import { pledgeTemplatesSeed } from '../pledges/templates.seed.ts'
import { regionsSeed } from '../regions/regions.seed.ts'
import { demoRegistersSeed } from '../registers/registers.demo-seed.ts'
import { demoStaffSeed } from '../staff/staff.demo-seed.ts'
import { demoMarkerSeed } from './demo.seed.ts'

/**
 * One step of the single seed process. Later issues append their steps (demo staff,
 * places, members, pledges) to `seedSteps`; a step re-runs only when its version changes.
 */
export interface SeedStep {
  name: string
  /** Demo steps run only when the demo dataset is wanted (the embedded database by default). */
  demo: boolean
  version: string
  run(trx: Transaction<Database>, context: SeedContext): Promise<void>
}

/** What steps need besides the database: demo people have encrypted mobiles too. */
export interface SeedContext {
  cipher: FieldCipher
}

export const seedSteps: SeedStep[] = [
  regionsSeed,
  pledgeTemplatesSeed,
  demoMarkerSeed,
  demoStaffSeed,
  demoRegistersSeed,
  demoMembershipsSeed,
  demoPlacesSeed,
  demoPledgesSeed,
  demoPlatformSitesSeed,
  demoActivitiesSeed,
  demoDifficultiesSeed,
  demoHonoursSeed,
]

export interface SeedReport {
  ran: string[]
}

/** What a step leaves in app_meta (`seed:<name>`) once it ran. */
const SeedMark = z.object({ version: z.string() })

/** Runs every due step in one transaction, under a lock, so two servers seed once. */
export function runSeeds(
  db: Kysely<Database>,
  options: { demo: boolean } & SeedContext,
  steps = seedSteps,
): Promise<SeedReport> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('djt-seed:' || current_schema()))`.execute(trx)
    const ran: string[] = []
    for (const step of steps) {
      if (step.demo && !options.demo) continue
      const done = await readMeta(trx, `seed:${step.name}`, SeedMark)
      if (done?.version === step.version) continue
      await step.run(trx, { cipher: options.cipher })
      await writeMeta(trx, `seed:${step.name}`, {
        version: step.version,
        at: new Date().toISOString(),
      })
      ran.push(step.name)
    }
    return { ran }
  })
}
