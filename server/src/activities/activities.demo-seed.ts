import { chinaMidnight, chinaWall } from '@djt/shared'
import type { Transaction } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { SeedStep } from '../seed/seed.ts'
import { insertActivity } from './activities.repository.ts'

const BRANCH = '鼓楼区新就业群体流动党员党支部'
const HOUR = 60 * 60 * 1000

/** Two upcoming activities at 鼓楼区's flow-member branch, days after the seed ran. */
const activities = [
  {
    title: '演示·新就业群体主题党日',
    kind: 'theme_day' as const,
    daysAhead: 2,
    startHour: 9,
    hours: 2,
    capacity: 30,
    description: '演示数据：学习交流、志愿服务安排。自愿参加。',
  },
  {
    title: '演示·流动党员党课',
    kind: 'party_lecture' as const,
    daysAhead: 5,
    startHour: 14.5,
    hours: 1.5,
    capacity: 40,
    description: '演示数据：党课一讲，欢迎附近已核验的党员参加。',
  },
]

/** China's day `days` after `now`, at `hour` (09:00 = 9, 14:30 = 14.5). */
function chinaDayAt(now: Date, days: number, hour: number): Date {
  const wall = chinaWall(now)
  const day = chinaMidnight(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + days)
  return new Date(day.getTime() + hour * HOUR)
}

/** Fictitious 组织生活, so 附近 → 组织生活 and the branch's page show something in the demo. */
export const demoActivitiesSeed: SeedStep = {
  name: 'demo-activities',
  demo: true,
  version: '1',
  async run(trx) {
    const venue = await demoVenue(trx)
    if (!venue) return
    const now = new Date()
    for (const activity of activities) {
      const startsAt = chinaDayAt(now, activity.daysAhead, activity.startHour)
      await insertActivity(
        trx,
        {
          region_code: venue.region_code,
          region_path: venue.region_path,
          kind: activity.kind,
          title: activity.title,
          starts_at: startsAt,
          ends_at: new Date(startsAt.getTime() + activity.hours * HOUR),
          place_id: venue.id,
          address: venue.address,
          lat: venue.lat,
          lng: venue.lng,
          capacity: activity.capacity,
          audience: 'nearby',
          branch_id: venue.id,
          description: activity.description,
        },
        venue.staff_id,
      )
    }
  },
}

/** The demo branch and the county staff account that publishes there. */
async function demoVenue(trx: Transaction<Database>) {
  const place = await trx
    .selectFrom('places')
    .select(['id', 'region_code', 'region_path', 'address', 'lat', 'lng'])
    .where('name', '=', BRANCH)
    .executeTakeFirst()
  const staff = await trx
    .selectFrom('staff_accounts')
    .select('user_id')
    .where('username', '=', 'demo.gulou')
    .executeTakeFirst()
  return place && staff ? { ...place, staff_id: staff.user_id } : null
}
