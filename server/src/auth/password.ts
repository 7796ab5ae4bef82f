import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

type ScryptParams = { N: number; r: number; p: number }

/** log2 of scrypt's N for new hashes: 2^15 (32 MiB, ~0.1 s) unless configured otherwise. */
export const DEFAULT_PASSWORD_COST = 15
let current: ScryptParams = paramsFor(DEFAULT_PASSWORD_COST)

function paramsFor(cost: number): ScryptParams {
  return { N: 2 ** cost, r: 8, p: 1 }
}

/**
 * The cost new hashes are made with, for the whole process (PASSWORD_HASH_COST; the config
 * refuses below 15 in production). Tests lower it: each staff sign-in and creation would
 * otherwise spend a tenth of a CPU second. Verifying always uses the stored hash's own cost.
 */
export function setPasswordCost(cost: number): void {
  current = paramsFor(cost)
}
const SALT_BYTES = 16
const KEY_BYTES = 32
// A stored hash comes from the database; bounds stop a tampered row from demanding gigabytes.
const MAX_N = 2 ** 20
const MAX_R = 32
const MAX_P = 16
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/

function derive(password: string, salt: Buffer, keylen: number, params: ScryptParams) {
  const maxmem = 128 * params.N * params.r * 2
  return new Promise<Buffer>((resolve, reject) => {
    // NFC so the same password typed through different input methods hashes the same.
    scrypt(password.normalize('NFC'), salt, keylen, { ...params, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    )
  })
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const key = await derive(password, salt, KEY_BYTES, current)
  const { N, r, p } = current
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$')
}

type Parsed = ScryptParams & { salt: Buffer; key: Buffer }

function parse(encoded: string): Parsed | undefined {
  const parts = typeof encoded === 'string' ? encoded.split('$') : []
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined
  const [N, r, p] = parts.slice(1, 4).map((part) => (/^\d{1,8}$/.test(part) ? Number(part) : 0))
  const [saltB64 = '', keyB64 = ''] = parts.slice(4)
  if (!N || !r || !p || N > MAX_N || r > MAX_R || p > MAX_P || (N & (N - 1)) !== 0) return undefined
  if (!BASE64.test(saltB64) || !BASE64.test(keyB64)) return undefined
  const salt = Buffer.from(saltB64, 'base64')
  const key = Buffer.from(keyB64, 'base64')
  if (salt.length < 8 || key.length < 16 || key.length > 64) return undefined
  return { N, r, p, salt, key }
}

/** False for a wrong password and for anything that is not a hash we can read; never throws. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parse(encoded)
  if (!parsed || typeof password !== 'string') return false
  try {
    const key = await derive(password, parsed.salt, parsed.key.length, parsed)
    return timingSafeEqual(key, parsed.key)
  } catch {
    return false
  }
}

export function needsRehash(encoded: string): boolean {
  const parsed = parse(encoded)
  if (!parsed) return true
  const { N, r, p } = current
  return parsed.N !== N || parsed.r !== r || parsed.p !== p || parsed.key.length !== KEY_BYTES
}

/** Hash of a random password nobody knows, made with the default parameters. */
export const DUMMY_HASH =
  'scrypt$32768$8$1$nTwnkHg2pU1u/vv8469/lw==$djh0333j1/47riIWjBT6c7p2nB199RfwTWkuaQfcwdU='
const dummies = new Map<number, Promise<string>>([
  [2 ** DEFAULT_PASSWORD_COST, Promise.resolve(DUMMY_HASH)],
])

/** Spend a real verification's time on an unknown account so timing does not reveal which exist. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  let dummy = dummies.get(current.N)
  if (!dummy) {
    dummy = hashPassword(randomBytes(24).toString('base64'))
    dummies.set(current.N, dummy)
  }
  await verifyPassword(password, await dummy)
  return false
}

const MIN_LENGTH = 12
const MAX_LENGTH = 256
const COMMON = (
  'password passw0rd p@ssw0rd p@ssword 123456 12345678 123123 654321 666666 888888 88888888 ' +
  '111111 000000 qwerty qwertyuiop 1qaz2wsx admin administrator abc123 iloveyou welcome ' +
  'dangjian woaini'
).split(' ')

const PROBLEM = {
  short: '密码至少12位',
  long: '密码不能超过256位',
  classes: '密码需包含大写字母、小写字母、数字、符号中的至少三类',
  personal: '密码不能包含账号或姓名',
  common: '密码过于常见或有规律，请换一个',
} as const

function characterClasses(password: string): number {
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u]
  return classes.filter((pattern) => pattern.test(password)).length
}

function containsPersonal(lower: string, context: PasswordContext): boolean {
  return [context.username, context.displayName].some((value) => {
    const needle = value?.trim().toLowerCase() ?? ''
    return [...needle].length >= 3 && lower.includes(needle)
  })
}

function isStraightRun(chars: string[]): boolean {
  const next = (a: string, b: string) =>
    b.charCodeAt(0) === a.charCodeAt(0) + 1 || (a === '9' && b === '0')
  const pairs = chars.slice(1).map((char, i) => [chars[i] ?? '', char] as const)
  return pairs.every(([a, b]) => next(a, b)) || pairs.every(([a, b]) => next(b, a))
}

// "Dangjian2024!" is as weak as "dangjian": what is left besides a common word must be a
// password of its own (some letters, not just a year and a symbol).
function isCommonOrPattern(lower: string): boolean {
  const chars = [...lower]
  if (new Set(chars).size === 1 || isStraightRun(chars)) return true
  return COMMON.some((word) => {
    const rest = lower.replaceAll(word, '')
    return rest !== lower && ([...rest].length < 6 || !/\p{L}/u.test(rest))
  })
}

export type PasswordContext = { username?: string; displayName?: string }

/** The password policy; returns the problems in Chinese for staff, [] when acceptable. */
export function passwordProblems(password: string, context: PasswordContext = {}): string[] {
  const length = [...password].length
  if (length > MAX_LENGTH) return [PROBLEM.long]
  const lower = password.toLowerCase()
  const problems: string[] = []
  if (length < MIN_LENGTH) problems.push(PROBLEM.short)
  if (characterClasses(password) < 3) problems.push(PROBLEM.classes)
  if (containsPersonal(lower, context)) problems.push(PROBLEM.personal)
  if (isCommonOrPattern(lower)) problems.push(PROBLEM.common)
  return problems
}
