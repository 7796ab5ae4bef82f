import Taro from '@tarojs/taro'

const DEVICE_KEY = 'djt.deviceId'

/**
 * A random id made once per phone or browser and kept: the server limits how often one
 * device rates or reports. It identifies no person and is never tied to an account.
 */
export function deviceId(): string {
  const kept = readKept()
  if (kept) return kept
  const made = newDeviceId()
  try {
    Taro.setStorageSync(DEVICE_KEY, made)
  } catch {
    // Storage refused: this visit still uses the id it made.
  }
  return made
}

function readKept(): string | null {
  try {
    const value: unknown = Taro.getStorageSync(DEVICE_KEY)
    return typeof value === 'string' && UUID.test(value) ? value : null
  } catch {
    return null
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** A version-4 UUID from `random` (0 ≤ r < 1); WeChat's engine has no crypto.randomUUID. */
export function newDeviceId(random: () => number = Math.random): string {
  const digits = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16))
  digits[12] = '4'
  digits[16] = ((Number.parseInt(digits[16] ?? '0', 16) & 0x3) | 0x8).toString(16)
  const s = digits.join('')
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}
