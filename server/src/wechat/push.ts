import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto'
import { z } from 'zod'

/**
 * WeChat's message push (消息推送) to our server, as configured in the mini-program's admin:
 * URL, Token, and either 明文模式 (plain JSON) or 安全模式 (the JSON in an AES envelope,
 * `{ ToUserName, Encrypt }`). Every push carries `signature`, `timestamp` and `nonce` in its
 * query; a safe-mode one `msg_signature` over the envelope as well.
 */
export interface PushKeys {
  token: string
  /** EncodingAESKey decoded (32 bytes): set for 安全模式, absent for 明文模式. */
  aesKey?: Buffer
  appId: string
}

/** How far a push's timestamp may be from our clock: WeChat retries within seconds. */
export const PUSH_MAX_SKEW_SECONDS = 300

const sha1 = (parts: string[]) =>
  createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex')

/** The signature WeChat puts on a push: sha1 of the sorted token, timestamp, nonce (and envelope). */
export function pushSignature(token: string, timestamp: string, nonce: string, encrypt?: string) {
  return sha1(
    encrypt === undefined ? [token, timestamp, nonce] : [token, timestamp, nonce, encrypt],
  )
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

const printable = (max: number) => z.string().regex(new RegExp(`^[\\x21-\\x7e]{1,${max}}$`))
const sha1Hex = z.string().regex(/^[0-9a-f]{40}$/)

/** Everything WeChat puts in a push's query is short printable ASCII. */
export const PushQuery = z.object({
  signature: sha1Hex.optional(),
  timestamp: z
    .string()
    .regex(/^\d{1,12}$/)
    .optional(),
  nonce: printable(64).optional(),
  echostr: printable(200).optional(),
  msg_signature: sha1Hex.optional(),
  encrypt_type: z.enum(['aes', 'raw']).optional(),
  openid: printable(64).optional(),
})
export type PushQuery = z.infer<typeof PushQuery>

export type Opened = { ok: true; message: unknown } | { ok: false; reason: string }

function signedNow(query: PushQuery, token: string, now: Date): string | null {
  const { signature, timestamp, nonce } = query
  if (!signature || !timestamp || !nonce) return 'unsigned'
  if (!sameText(signature, pushSignature(token, timestamp, nonce))) return 'bad signature'
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > PUSH_MAX_SKEW_SECONDS) return 'stale'
  return null
}

/** WeChat's check of the URL when it is saved: answer `echostr` only to a signed request. */
export function verifyPushUrl(keys: PushKeys, query: PushQuery, now: Date): string | null {
  if (signedNow(query, keys.token, now) !== null) return null
  return query.echostr ?? null
}

const Envelope = z.object({ Encrypt: z.string().min(1).max(100_000) })

/** A push's message, if it is WeChat's: the signature checked, the envelope opened. */
export function openPush(keys: PushKeys, query: PushQuery, body: unknown, now: Date): Opened {
  const problem = signedNow(query, keys.token, now)
  if (problem) return { ok: false, reason: problem }
  if (!keys.aesKey) return { ok: true, message: body }
  const envelope = Envelope.safeParse(body)
  if (!envelope.success) return { ok: false, reason: 'not an encrypted push' }
  const { Encrypt } = envelope.data
  const { timestamp = '', nonce = '', msg_signature: signature = '' } = query
  if (!sameText(signature, pushSignature(keys.token, timestamp, nonce, Encrypt)))
    return { ok: false, reason: 'bad msg_signature' }
  const opened = decrypt(keys.aesKey, Encrypt)
  if (!opened || opened.appId !== keys.appId) return { ok: false, reason: 'envelope not ours' }
  try {
    return { ok: true, message: JSON.parse(opened.message) }
  } catch {
    return { ok: false, reason: 'envelope holds no JSON' }
  }
}

/** EncodingAESKey (43 characters) to the AES-256 key it encodes. */
export function aesKeyOf(encodingAesKey: string): Buffer {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64')
  if (key.length !== 32) throw new Error('an EncodingAESKey is 43 base64 characters (32 bytes)')
  return key
}

// The envelope: AES-256-CBC, IV = the key's first 16 bytes, PKCS#7 padding to 32 bytes, over
// 16 random bytes, the message's length (4 bytes, big-endian), the message, the appid.
const BLOCK = 32

function decrypt(key: Buffer, encrypted: string): { message: string; appId: string } | null {
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16))
    decipher.setAutoPadding(false)
    const padded = Buffer.concat([
      decipher.update(Buffer.from(encrypted, 'base64')),
      decipher.final(),
    ])
    const pad = padded.at(-1) ?? 0
    if (pad < 1 || pad > BLOCK) return null
    const plain = padded.subarray(0, padded.length - pad)
    const length = plain.readUInt32BE(16)
    if (20 + length > plain.length) return null
    return {
      message: plain.subarray(20, 20 + length).toString('utf8'),
      appId: plain.subarray(20 + length).toString('utf8'),
    }
  } catch {
    return null
  }
}

/** The envelope as WeChat seals it: for the fake WeChat in tests and for symmetry. */
export function encryptPush(key: Buffer, appId: string, message: string): string {
  const body = Buffer.from(message, 'utf8')
  const length = Buffer.alloc(4)
  length.writeUInt32BE(body.length)
  const plain = Buffer.concat([randomBytes(16), length, body, Buffer.from(appId, 'utf8')])
  const pad = BLOCK - (plain.length % BLOCK)
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16))
  cipher.setAutoPadding(false)
  return Buffer.concat([
    cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])),
    cipher.final(),
  ]).toString('base64')
}

/** The image-check result WeChat pushes for a mediaCheckAsync trace. */
export const MediaCheckEvent = z.looseObject({
  Event: z.literal('wxa_media_check'),
  trace_id: z.string().min(1).max(200),
  errcode: z.coerce.number().optional(),
  result: z
    .looseObject({ suggest: z.enum(['pass', 'review', 'risky']), label: z.coerce.number() })
    .optional(),
})
export type MediaCheckEvent = z.infer<typeof MediaCheckEvent>
