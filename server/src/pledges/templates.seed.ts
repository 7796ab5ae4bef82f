import type { SeedStep } from '../seed/seed.ts'

/** National promise templates from the two notices' wording; bureaus add their own. */
export const NATIONAL_TEMPLATES = {
  operator: [
    '诚信经营，不缺斤短两',
    '明码标价，不哄抬价格',
    '维护消费者权益，耐心处理投诉',
    '不销售假冒伪劣和过期商品',
    '保持摊位整洁，守护食品安全',
    '遵守市场管理规定，带头文明经营',
  ],
  rider: [
    '文明配送，遵守交通规则',
    '按时送达，爱护顾客物品',
    '礼貌待人，维护消费者权益',
    '遇到困难群众，主动伸出援手',
    '带头遵守平台和站点规范',
  ],
} as const

export const pledgeTemplatesSeed: SeedStep = {
  name: 'pledge-templates',
  demo: false,
  version: '1',
  async run(trx) {
    const rows = Object.entries(NATIONAL_TEMPLATES).flatMap(([kind, texts]) =>
      texts.map((text, sort) => ({ kind: kind as 'operator' | 'rider', text, sort })),
    )
    const existing = await trx
      .selectFrom('pledge_templates')
      .select(['kind', 'text'])
      .where('region_code', 'is', null)
      .execute()
    const known = new Set(existing.map((row) => `${row.kind}:${row.text}`))
    const missing = rows.filter((row) => !known.has(`${row.kind}:${row.text}`))
    if (missing.length > 0)
      await trx
        .insertInto('pledge_templates')
        .values(missing.map((row) => ({ ...row, region_code: null, region_path: null })))
        .execute()
  },
}
