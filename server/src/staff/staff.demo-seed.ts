import type { Transaction } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { SeedStep } from '../seed/seed.ts'
import { createStaff } from './staff.service.ts'

/** Shown in the README: the demo database is fictitious, so its password may be public. */
export const DEMO_STAFF_PASSWORD = 'Demo-Lantern-2026!'

const demoStaff = [
  { username: 'demo.province', displayName: '演示·省局', level: 'province', regionCode: '350000' },
  { username: 'demo.fuzhou', displayName: '演示·福州市局', level: 'city', regionCode: '350100' },
  { username: 'demo.gulou', displayName: '演示·鼓楼区局', level: 'county', regionCode: '350102' },
  {
    username: 'demo.gulou.station',
    displayName: '演示·鼓楼指导站',
    level: 'station',
    regionCode: '350102',
    stationName: '鼓楼区市场监管所指导站',
  },
  { username: 'demo.siming', displayName: '演示·思明区局', level: 'county', regionCode: '350203' },
] as const

/** Demo staff accounts, one per level, in Fujian (the seeds' province). */
export const demoStaffSeed: SeedStep = {
  name: 'demo-staff',
  demo: true,
  version: '1',
  async run(trx) {
    for (const staff of demoStaff)
      await createStaff(trx, null, { ...staff, password: DEMO_STAFF_PASSWORD })
  },
}

/** The user id of a demo staff account (above), for the demo steps that act as it. */
export async function demoStaffUserId(
  trx: Transaction<Database>,
  username: string,
): Promise<string | undefined> {
  const staff = await trx
    .selectFrom('staff_accounts')
    .select('user_id')
    .where('username', '=', username)
    .executeTakeFirst()
  return staff?.user_id
}
