// Where the field-encryption keys come from: FIELD_KEYS / BLIND_INDEX_KEY (required in
// production), or, on a developer's machine, a generated key file beside the database.
import { randomBytes } from 'node:crypto'
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import type { Config } from '../config.ts'
import { KEY_ID, type Keyring } from './field-cipher.ts'

export interface LoadedKeyring extends Keyring {
  source: 'env' | 'dev-file'
}

type KeyringConfig = Pick<
  Config,
  'NODE_ENV' | 'FIELD_CIPHER' | 'FIELD_KEYS' | 'FIELD_KEY_ACTIVE' | 'BLIND_INDEX_KEY' | 'dataDir'
>

const GENERATE = 'generate one with `openssl rand -base64 32`'

/** The development key file inside DATA_DIR; backups carry it along with the data. */
export const DEV_KEY_FILE = 'dev-keys.json'

/** base64 (standard or url-safe) of exactly 32 bytes; a hex key decodes to 48 and is refused. */
function decodeKey(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return undefined
  const key = Buffer.from(text, 'base64')
  return key.length === 32 ? key : undefined
}

export const Base64Key = z.string().transform((value, ctx) => {
  const key = decodeKey(value.trim())
  if (!key) ctx.addIssue({ code: 'custom', message: `must be base64 of 32 bytes; ${GENERATE}` })
  return key ?? z.NEVER
})

/** `k1:base64,k2:base64`, in the order the keys were introduced: the last is the newest. */
export const FieldKeys = z.string().transform((value, ctx) => {
  const keys = new Map<string, Buffer>()
  for (const [i, entry] of value.split(',').entries()) {
    const [id = '', encoded = '', ...extra] = entry.trim().split(':')
    const key = decodeKey(encoded)
    const problem = entryProblem(id, key, extra.length > 0 || !entry.includes(':'), keys)
    if (problem || !key) {
      ctx.addIssue({ code: 'custom', message: `entry ${i + 1}: ${problem}` })
      return z.NEVER
    }
    keys.set(id, key)
  }
  return keys
})

function entryProblem(
  id: string,
  key: Buffer | undefined,
  malformed: boolean,
  seen: Map<string, Buffer>,
) {
  if (malformed) return 'must be keyId:base64key'
  if (!KEY_ID.test(id)) return `key id "${id}" must be 1–16 of a-z 0-9 _ -`
  if (seen.has(id)) return `key id "${id}" is listed twice`
  if (!key) return `key "${id}" must be base64 of 32 bytes; ${GENERATE}`
  return undefined
}

export const KeyId = z.string().regex(KEY_ID, 'must be 1–16 of a-z 0-9 _ -')

export function loadKeyring(config: KeyringConfig): LoadedKeyring {
  const { FIELD_KEYS: keys, BLIND_INDEX_KEY: blindIndexKey } = config
  if (keys && blindIndexKey) {
    const activeKeyId = config.FIELD_KEY_ACTIVE ?? [...keys.keys()].at(-1) ?? ''
    return { algorithm: config.FIELD_CIPHER, activeKeyId, keys, blindIndexKey, source: 'env' }
  }
  // loadConfig refuses this already; repeated because a production fallback would be silent.
  if (config.NODE_ENV === 'production') {
    throw new Error('FIELD_KEYS and BLIND_INDEX_KEY are required when NODE_ENV=production')
  }
  return { ...readDevKeyFile(config.dataDir), algorithm: config.FIELD_CIPHER, source: 'dev-file' }
}

const DevKeyFile = z.object({
  activeKeyId: KeyId,
  keys: z.record(KeyId, Base64Key),
  blindIndexKey: Base64Key,
})

/**
 * DEV MODE ONLY. Random keys kept in <dataDir>/dev-keys.json (mode 0600), made on first
 * use and reused after, so the embedded database stays readable across restarts. Losing
 * the file loses the encrypted data, which is why production takes keys from the env.
 */
function readDevKeyFile(dataDir: string): Omit<Keyring, 'algorithm'> {
  const file = path.join(dataDir, DEV_KEY_FILE)
  mkdirSync(dataDir, { recursive: true })
  createOnce(file, {
    note: 'Development field-encryption keys. Never use them in production.',
    activeKeyId: 'dev1',
    keys: { dev1: randomBytes(32).toString('base64') },
    blindIndexKey: randomBytes(32).toString('base64'),
  })
  const stored = parseDevKeyFile(readFileSync(file, 'utf8'))
  if (!stored || !(stored.activeKeyId in stored.keys)) {
    throw new Error(`${file} is not a valid dev keyring file: restore it or set FIELD_KEYS`)
  }
  const keys = new Map(Object.entries(stored.keys))
  return { activeKeyId: stored.activeKeyId, keys, blindIndexKey: stored.blindIndexKey }
}

function parseDevKeyFile(text: string) {
  try {
    return DevKeyFile.parse(JSON.parse(text))
  } catch {
    return undefined
  }
}

/** Written beside and hard-linked into place: two processes starting at once never see
 * half a file, and the second keeps the first one's keys. */
function createOnce(file: string, content: object): void {
  if (existsSync(file)) return
  const temporary = `${file}.${process.pid}.tmp`
  writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 })
  try {
    linkSync(temporary, file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  } finally {
    unlinkSync(temporary)
  }
}
