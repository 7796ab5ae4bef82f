// Encryption of sensitive columns at rest. A ciphertext names its key and algorithm
// (`<keyId>.<g|s>.<base64url>`), so values written under an old key stay readable after
// the active key changes, and rotate-keys can tell which values still need rewriting.
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto'
import { normalizeMobile, normalizeName, normalizeResidentId, normalizeText } from '@djt/shared'

export type FieldAlgorithm = 'aes-256-gcm' | 'sm4'

export interface Keyring {
  algorithm: FieldAlgorithm
  activeKeyId: string
  keys: Map<string, Buffer>
  blindIndexKey: Buffer
}

export interface FieldCipher {
  encrypt(plaintext: string): string
  decrypt(ciphertext: string): string
  needsRotation(ciphertext: string): boolean
  blindIndex(
    kind: 'mobile' | 'resident_id' | 'name' | 'rider_id' | (string & {}),
    value: string,
  ): string
}

export class FieldCipherError extends Error {
  override name = 'FieldCipherError'
}

export const KEY_ID = /^[a-z0-9_-]{1,16}$/
const CIPHERTEXT = /^([a-z0-9_-]{1,16})\.([gs])\.([A-Za-z0-9_-]+)$/
const ALG_CODE = { 'aes-256-gcm': 'g', sm4: 's' } as const
const GCM_IV = 12
const GCM_TAG = 16
const SM4_IV = 16
const SM4_MAC = 32

type KeyMaterial = ReturnType<typeof keyMaterial>

/** GCM uses the key as configured; SM4 takes 16 bytes and its MAC needs its own key. */
function keyMaterial(id: string, key: Buffer) {
  if (!KEY_ID.test(id)) throw new FieldCipherError(`key id "${id}" must match ${KEY_ID.source}`)
  if (key.length !== 32) throw new FieldCipherError(`key "${id}" must be 32 bytes`)
  const derive = (info: string, length: number) =>
    Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), info, length))
  return {
    gcm: key,
    sm4: derive('djt field sm4-cbc v1', 16),
    mac: derive('djt field hmac-sm3 v1', 32),
  }
}

/** Per kind, so the same person typed two ways gets one index value. */
const normalizers: Record<string, (value: string) => string> = {
  mobile: normalizeMobile,
  resident_id: normalizeResidentId,
  name: normalizeName,
}

export function createFieldCipher(keyring: Keyring): FieldCipher {
  const material = new Map([...keyring.keys].map(([id, key]) => [id, keyMaterial(id, key)]))
  const keyFor = (id: string) => {
    const found = material.get(id)
    if (!found) throw new FieldCipherError(`unknown key id "${id}": it is not in FIELD_KEYS`)
    return found
  }
  keyFor(keyring.activeKeyId)
  if (keyring.blindIndexKey.length !== 32) {
    throw new FieldCipherError('blind index key must be 32 bytes')
  }
  const activeCode = ALG_CODE[keyring.algorithm]
  /** Covers the text header `<keyId>.s.` too, so the MAC binds key id and algorithm. */
  const sm4Mac = (id: string, iv: Buffer, body: Buffer) =>
    createHmac('sm3', keyFor(id).mac).update(`${id}.s.`).update(iv).update(body).digest()

  function encrypt(plaintext: string): string {
    const id = keyring.activeKeyId
    const key = keyFor(id)
    if (activeCode === 'g') {
      const iv = randomBytes(GCM_IV)
      const cipher = createCipheriv('aes-256-gcm', key.gcm, iv).setAAD(Buffer.from(id))
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
      return `${id}.g.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`
    }
    const iv = randomBytes(SM4_IV)
    const cipher = createCipheriv('sm4-cbc', key.sm4, iv)
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
    return `${id}.s.${Buffer.concat([iv, body, sm4Mac(id, iv, body)]).toString('base64url')}`
  }

  function decrypt(ciphertext: string): string {
    const [, id = '', code, encoded = ''] = CIPHERTEXT.exec(ciphertext) ?? []
    if (!code) throw new FieldCipherError('not a field ciphertext (expected keyId.alg.payload)')
    const key = keyFor(id)
    const payload = Buffer.from(encoded, 'base64url')
    // Buffer ignores stray bits in the last character: refuse any non-canonical encoding.
    if (payload.toString('base64url') !== encoded) throw tampered(id)
    try {
      return code === 'g' ? openGcm(id, key, payload) : openSm4(id, key, payload)
    } catch {
      throw tampered(id)
    }
  }

  function openGcm(id: string, key: KeyMaterial, payload: Buffer): string {
    if (payload.length < GCM_IV + GCM_TAG) throw tampered(id)
    const decipher = createDecipheriv('aes-256-gcm', key.gcm, payload.subarray(0, GCM_IV))
    decipher.setAAD(Buffer.from(id)).setAuthTag(payload.subarray(payload.length - GCM_TAG))
    const body = payload.subarray(GCM_IV, payload.length - GCM_TAG)
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')
  }

  /** Encrypt-then-MAC: the MAC is checked before any byte is deciphered. */
  function openSm4(id: string, key: KeyMaterial, payload: Buffer): string {
    const bodyLength = payload.length - SM4_IV - SM4_MAC
    if (bodyLength < 16 || bodyLength % 16 !== 0) throw tampered(id)
    const iv = payload.subarray(0, SM4_IV)
    const body = payload.subarray(SM4_IV, SM4_IV + bodyLength)
    const mac = payload.subarray(SM4_IV + bodyLength)
    if (!timingSafeEqual(sm4Mac(id, iv, body), mac)) throw tampered(id)
    const decipher = createDecipheriv('sm4-cbc', key.sm4, iv)
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')
  }

  function needsRotation(ciphertext: string): boolean {
    const [, id, code] = CIPHERTEXT.exec(ciphertext) ?? []
    return id !== keyring.activeKeyId || code !== activeCode
  }

  /** Equality search on encrypted columns; the kind keeps a mobile from matching an ID. */
  function blindIndex(kind: string, value: string): string {
    const normalize = normalizers[kind] ?? normalizeText
    return createHmac(keyring.algorithm === 'sm4' ? 'sm3' : 'sha256', keyring.blindIndexKey)
      .update(`${kind}\0${normalize(value)}`, 'utf8')
      .digest('base64url')
  }

  return { encrypt, decrypt, needsRotation, blindIndex }
}

const tampered = (id: string) =>
  new FieldCipherError(`ciphertext under key "${id}" failed authentication (tampered or wrong key)`)
