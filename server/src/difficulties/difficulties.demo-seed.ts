import type { Transaction } from 'kysely'
import type { Database } from '../db/schema.ts'
import { findRegion } from '../regions/regions.repository.ts'
import type { SeedStep } from '../seed/seed.ts'
import { demoStaffUserId } from '../staff/staff.demo-seed.ts'
import { devOpenid } from '../wechat/wechat.client.ts'
import {
  addEvent,
  closeDifficulty,
  insertDifficulty,
  markAnswered,
} from './difficulties.repository.ts'
import type { DifficultyCategoryColumn, DifficultyOutcomeColumn } from './difficulties.table.ts'

const ESTATE = { name: '演示·某某花园小区', address: '福州市鼓楼区五四路100号（演示）' }

interface DemoDifficulty {
  rider: string
  category: DifficultyCategoryColumn
  text: string
  place?: { name: string; address: string; lat: number; lng: number }
  reply?: string
  outcome?: { outcome: DifficultyOutcomeColumn; note: string }
}

/**
 * Three riders' difficulties at one housing estate (within 200 m of each other: a hot spot
 * on 诉求热点), and others answered, closed or without a place, in 鼓楼区.
 */
const difficulties: DemoDifficulty[] = [
  {
    rider: '演示骑手小王',
    category: 'entry',
    text: '演示数据：小区保安不让骑手进门，只能在门口等顾客下楼取餐',
    place: { ...ESTATE, lat: 26.0865, lng: 119.2965 },
    reply: '演示数据：已联系小区物业，正在协调骑手登记后进入。',
  },
  {
    rider: '演示骑手小李',
    category: 'entry',
    text: '演示数据：小区北门不让电动车进，送餐要绕行十分钟',
    place: { ...ESTATE, lat: 26.0869, lng: 119.2969 },
  },
  {
    rider: '演示骑手小张',
    category: 'parking',
    text: '演示数据：小区门口没有临时停车的地方，经常被贴条',
    place: { ...ESTATE, lat: 26.0862, lng: 119.2961 },
    reply: '演示数据：已与街道商量在东门划出临时停车区。',
    outcome: { outcome: 'solved', note: '演示数据：东门已划出骑手临时停车区。' },
  },
  {
    rider: '演示骑手小王',
    category: 'charging',
    text: '演示数据：东街口附近换电柜太少，高峰期要排队半小时',
    place: {
      name: '演示·东街口换电点',
      address: '福州市鼓楼区八一七北路（演示）',
      lat: 26.088,
      lng: 119.303,
    },
  },
  {
    rider: '演示骑手小李',
    category: 'rights',
    text: '演示数据：站点扣款规则不清楚，想了解申诉渠道',
    reply: '演示数据：已转告平台属地站点，请留意站点通知。',
    outcome: { outcome: 'referred', note: '演示数据：已转人社部门劳动保障监察。' },
  },
]

/** Fictitious 诉求, so the desk's 诉求 queue, 诉求热点 and the ledger's figures show something. */
export const demoDifficultiesSeed: SeedStep = {
  name: 'demo-difficulties',
  demo: true,
  version: '1',
  async run(trx) {
    const region = await findRegion(trx, '350102')
    const staffId = await demoStaffUserId(trx, 'demo.gulou')
    if (!region || !staffId) return
    for (const item of difficulties) {
      const rider = await demoRider(trx, item.rider)
      if (!rider) continue
      const id = await insertDifficulty(trx, {
        user_id: rider.id,
        membership_id: rider.membershipId,
        region_code: region.code,
        region_path: region.path,
        category: item.category,
        text: item.text,
        place_name: item.place?.name ?? null,
        place_address: item.place?.address ?? null,
        lat: item.place?.lat ?? null,
        lng: item.place?.lng ?? null,
        outcome: null,
        outcome_note: null,
        helpful: null,
        answered_at: null,
        closed_at: null,
      })
      await addEvent(trx, { difficultyId: id, kind: 'raised', actorId: rider.id })
      if (item.reply) {
        await addEvent(trx, {
          difficultyId: id,
          kind: 'reply',
          text: item.reply,
          actorId: staffId,
        })
        await markAnswered(trx, id)
      }
      if (item.outcome) {
        await closeDifficulty(trx, id, item.outcome.outcome, item.outcome.note)
        await addEvent(trx, {
          difficultyId: id,
          kind: 'close',
          text: item.outcome.note,
          actorId: staffId,
        })
      }
    }
  },
}

/** A demo rider of the memberships' demo seed, and their registration. */
async function demoRider(trx: Transaction<Database>, signInName: string) {
  const user = await trx
    .selectFrom('users as u')
    .leftJoin('memberships as m', 'm.user_id', 'u.id')
    .select(['u.id', 'm.id as membershipId'])
    .where('u.openid', '=', devOpenid(signInName))
    .executeTakeFirst()
  return user ? { id: user.id, membershipId: user.membershipId ?? null } : undefined
}
