import Taro from '@tarojs/taro'
import type { Point } from '../services/places'
import { wgs84ToGcj02 } from './gcj02'

export type Located = { ok: true; point: Point } | { ok: false; denied: boolean; message: string }

const LOCATE_TIMEOUT_MS = 10_000

/**
 * The phone's position for one query, in GCJ-02 (what places are stored in). WeChat
 * answers in GCJ-02; Taro's H5 getLocation accepts only `wgs84` and returns the browser's
 * position as is, so H5 converts it before asking.
 */
export async function locate(): Promise<Located> {
  const h5 = process.env.TARO_ENV === 'h5'
  try {
    const position = await withTimeout(
      Taro.getLocation({ type: h5 ? 'wgs84' : 'gcj02', highAccuracyExpireTime: 8000 }),
    )
    const point = { lat: position.latitude, lng: position.longitude }
    // Spelled out (not `h5`) so the weapp build drops the branch and gcoord with it.
    return { ok: true, point: process.env.TARO_ENV === 'h5' ? wgs84ToGcj02(point) : point }
  } catch (error) {
    return locationFailure(error)
  }
}

/** What to tell the rider when the position could not be had. */
export function locationFailure(error: unknown): Extract<Located, { ok: false }> {
  const detail = String((error as { errMsg?: string })?.errMsg ?? (error as Error)?.message ?? '')
  if (/auth|deny|denied|privacy|permission/i.test(detail)) {
    return {
      ok: false,
      denied: true,
      message: '没有获得位置权限。你可以按区县和关键词查找服务点。',
    }
  }
  if (/switch|off|disabled/i.test(detail)) {
    return { ok: false, denied: false, message: '手机定位未开启。你可以按区县和关键词查找服务点。' }
  }
  return { ok: false, denied: false, message: '暂时无法获取位置。你可以按区县和关键词查找服务点。' }
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), LOCATE_TIMEOUT_MS)
    promise.then(resolve, reject).finally(() => clearTimeout(timer))
  })
}
