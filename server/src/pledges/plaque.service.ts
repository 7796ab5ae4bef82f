import { type PledgeContent, pledgeTitles } from '@djt/shared'
import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import { ApiError } from '../http/errors.ts'
import { photoType } from './photos.ts'
import { type PlaqueContent, renderPlaquePdf, renderPlaquePng } from './plaque/plaque.ts'
import { findVersion, type PledgeRow } from './pledges.repository.ts'
import { issuerOf, PUBLIC_PAGE, publicUrl, verdictOf } from './pledges.view.ts'

/**
 * The QR on the plaque: WeChat's mini-program code when WeChat is live (fetched once and
 * kept: WeChat rate-limits it), otherwise, or if WeChat fails, a plain QR of the H5 page.
 */
async function qrFor(
  app: FastifyInstance,
  log: FastifyBaseLogger,
  row: PledgeRow,
  code: string,
): Promise<PlaqueContent['qr']> {
  const url = { kind: 'url' as const, url: publicUrl(app.config.PUBLIC_BASE_URL, code) }
  if (!app.wechatApi) return url
  const stored = await app.db
    .selectFrom('pledges')
    .select('wxacode')
    .where('id', '=', row.id)
    .executeTakeFirst()
  if (stored?.wxacode) return { kind: 'image', png: Buffer.from(stored.wxacode) }
  try {
    const png = await app.wechatApi.wxacode({
      scene: code,
      page: PUBLIC_PAGE,
      envVersion: app.config.WECHAT_WXACODE_ENV,
    })
    // WeChat answers a JPEG when it ignores is_hyaline; the plaque reads PNG only.
    if (photoType(png) !== 'image/png') throw new Error('wxacode is not a PNG')
    await app.db.updateTable('pledges').set({ wxacode: png }).where('id', '=', row.id).execute()
    return { kind: 'image', png }
  } catch (error) {
    log.warn({ err: error }, 'wxacode.getUnlimited failed; the plaque carries the H5 link')
    return url
  }
}

/** The printable plaque of a valid pledge, as PNG or PDF; `log` is the request's. */
export async function renderPlaque(
  app: FastifyInstance,
  log: FastifyBaseLogger,
  row: PledgeRow,
  format: 'png' | 'pdf',
): Promise<Buffer> {
  const version = await findVersion(app.db, row.public_version_id)
  if (verdictOf(row).status !== 'valid' || !version || !row.code)
    throw new ApiError(409, 'conflict', '承诺审核通过且有效后才能下载承诺牌')
  const content = version.content as PledgeContent
  const plaque: PlaqueContent = {
    title: pledgeTitles[row.kind],
    displayName: content.displayName,
    business: content.business,
    ...(content.stall ? { stall: content.stall } : {}),
    promises: content.promises.map((item) => item.text),
    code: row.code,
    issuer: issuerOf(row.region_name, row.region_parent_name),
    qr: await qrFor(app, log, row, row.code),
  }
  return format === 'png' ? renderPlaquePng(plaque) : renderPlaquePdf(plaque)
}
