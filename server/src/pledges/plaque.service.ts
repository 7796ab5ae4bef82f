import { PledgeContent, pledgeTitles } from '@djt/shared'
import type { Kysely } from 'kysely'
import type { Config } from '../config.ts'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../http/errors.ts'
import type { WarnLog } from '../kernel/log.ts'
import { photoType } from '../uploads/image-type.ts'
import type { WechatApi } from '../wechat/wechat-api.ts'
import { type PlaqueContent, renderPlaquePdf, renderPlaquePng } from './plaque/plaque.ts'
import { findVersion, findWxacode, type PledgeRow, storeWxacode } from './pledges.repository.ts'
import { issuerOf, PUBLIC_PAGE, publicUrl, verdictOf } from './pledges.view.ts'

/** What drawing a plaque needs from the running server. */
export interface PlaqueSources {
  db: Kysely<Database>
  /** Where a plain QR points (`PUBLIC_BASE_URL`). */
  publicBaseUrl: string
  /** WeChat's APIs when live; null in dev mode. */
  wechatApi: WechatApi | null
  wxacodeEnv: Config['WECHAT_WXACODE_ENV']
}

/**
 * The QR on the plaque: WeChat's mini-program code when WeChat is live (fetched once and
 * kept: WeChat rate-limits it), otherwise, or if WeChat fails, a plain QR of the H5 page.
 */
async function qrFor(
  sources: PlaqueSources,
  log: WarnLog,
  row: PledgeRow,
  code: string,
): Promise<PlaqueContent['qr']> {
  const url = { kind: 'url' as const, url: publicUrl(sources.publicBaseUrl, code) }
  if (!sources.wechatApi) return url
  const stored = await findWxacode(sources.db, row.id)
  if (stored) return { kind: 'image', png: Buffer.from(stored) }
  try {
    const png = await sources.wechatApi.wxacode({
      scene: code,
      page: PUBLIC_PAGE,
      envVersion: sources.wxacodeEnv,
    })
    // WeChat answers a JPEG when it ignores is_hyaline; the plaque reads PNG only.
    if (photoType(png) !== 'image/png') throw new Error('wxacode is not a PNG')
    await storeWxacode(sources.db, row.id, png)
    return { kind: 'image', png }
  } catch (error) {
    log.warn({ err: error }, 'wxacode.getUnlimited failed; the plaque carries the H5 link')
    return url
  }
}

/** The printable plaque of a valid pledge, as PNG or PDF; `log` is the request's. */
export async function renderPlaque(
  sources: PlaqueSources,
  log: WarnLog,
  row: PledgeRow,
  format: 'png' | 'pdf',
): Promise<Buffer> {
  const version = await findVersion(sources.db, row.public_version_id)
  if (verdictOf(row).status !== 'valid' || !version || !row.code)
    throw new ApiError(409, 'conflict', '承诺审核通过且有效后才能下载承诺牌')
  const content = PledgeContent.parse(version.content)
  const plaque: PlaqueContent = {
    title: pledgeTitles[row.kind],
    displayName: content.displayName,
    business: content.business,
    ...(content.stall ? { stall: content.stall } : {}),
    promises: content.promises.map((item) => item.text),
    code: row.code,
    issuer: issuerOf(row.region_name, row.region_parent_name),
    qr: await qrFor(sources, log, row, row.code),
  }
  return format === 'png' ? renderPlaquePng(plaque) : renderPlaquePdf(plaque)
}
