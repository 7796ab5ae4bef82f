import { DEVICE_TOKEN, DeviceIssued } from '@djt/shared'
import Taro from '@tarojs/taro'
import { ApiError, request } from './http'

const DEVICE_KEY = 'djt.deviceToken'
export const DEVICE_HEADER = 'x-device-id'

let issuing: Promise<string> | undefined

/**
 * Sends with this phone's device token (header `x-device-id`), which the server issued and
 * signed: the server limits how often one device rates or reports. It identifies no person
 * and is never tied to an account. A token the server refuses (its key changed, storage
 * was tampered with) is replaced once and the call sent again.
 */
export async function withDeviceToken<T>(send: (token: string) => Promise<T>): Promise<T> {
  const token = readKept() ?? (await issuedToken())
  try {
    return await send(token)
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'device_unrecognized') throw error
    return send(await replacedToken(token))
  }
}

/** One that another call already fetched since `stale` was refused, or a new one. */
function replacedToken(stale: string): Promise<string> {
  const kept = readKept()
  return kept && kept !== stale ? Promise.resolve(kept) : issuedToken()
}

/** A new token from the server, kept. Calls that need one at once share the request. */
function issuedToken(): Promise<string> {
  issuing ??= request({ method: 'POST', path: '/public/devices', schema: DeviceIssued })
    .then(({ deviceToken }) => keep(deviceToken))
    .finally(() => {
      issuing = undefined
    })
  return issuing
}

function keep(token: string): string {
  try {
    Taro.setStorageSync(DEVICE_KEY, token)
  } catch {
    // Storage refused: this call still uses the token; the next one asks again.
  }
  return token
}

function readKept(): string | null {
  try {
    const value: unknown = Taro.getStorageSync(DEVICE_KEY)
    return typeof value === 'string' && DEVICE_TOKEN.test(value) ? value : null
  } catch {
    return null
  }
}
