import type { Kysely } from 'kysely'
import type { Config } from '../config.ts'
import { ENCRYPTED_COLUMNS } from '../crypto/encrypted-columns.ts'
import { createFieldCipher, type FieldCipher } from '../crypto/field-cipher.ts'
import { loadKeyring } from '../crypto/keyring.ts'
import { openDatabase } from '../db/open.ts'
import type { Database } from '../db/schema.ts'
import { appTables, blindIndexSample, ciphertextSamples, countRows } from './backup.repository.ts'
import { BackupError, type BackupManifest } from './manifest.ts'

/**
 * Ciphertexts stored with a blind index of the same value: recomputing one proves
 * BLIND_INDEX_KEY (and FIELD_CIPHER) are the backup's. A wrong one fails silently at run
 * time, by never matching again, so the restore checks it.
 */
const BLIND_INDEXED = [
  { table: 'memberships', encrypted: 'mobile_enc', index: 'mobile_bi', kind: 'mobile' },
  { table: 'memberships', encrypted: 'id_number_enc', index: 'id_number_bi', kind: 'resident_id' },
  {
    table: 'register_platform_roster',
    encrypted: 'mobile_enc',
    index: 'mobile_bi',
    kind: 'mobile',
  },
  {
    table: 'register_party_list',
    encrypted: 'id_number_enc',
    index: 'id_number_bi',
    kind: 'resident_id',
  },
  { table: 'register_party_list', encrypted: 'mobile_enc', index: 'mobile_bi', kind: 'mobile' },
]

export interface RestoreCheck {
  tables: number
  rows: number
  ciphertextsDecrypted: number
  blindIndexesChecked: number
}

/** Opens the restored database as the server will and compares it with the manifest. */
export async function verifyRestore(
  config: Config,
  manifest: BackupManifest,
): Promise<RestoreCheck> {
  const handle = await openDatabase(config)
  try {
    const counts = await countRows(handle.db, await appTables(handle.db))
    const problems = countProblems(manifest.tables, counts)
    const cipher = createFieldCipher(loadKeyring(config))
    const keys = await keyProblems(handle.db, cipher)
    problems.push(...keys.problems)
    if (problems.length > 0) {
      throw new BackupError(`The restored database failed its checks:\n  ${problems.join('\n  ')}`)
    }
    return {
      tables: Object.keys(counts).length,
      rows: Object.values(counts).reduce((sum, n) => sum + n, 0),
      ciphertextsDecrypted: keys.decrypted,
      blindIndexesChecked: keys.indexed,
    }
  } finally {
    await handle.close()
  }
}

function countProblems(expected: Record<string, number>, found: Record<string, number>): string[] {
  const names = new Set([...Object.keys(expected), ...Object.keys(found)])
  const problems: string[] = []
  for (const name of [...names].sort()) {
    if (expected[name] !== found[name]) {
      problems.push(
        `${name}: ${found[name] ?? 'missing'} rows, the backup had ${expected[name] ?? 'no such table'}`,
      )
    }
  }
  return problems
}

async function keyProblems(db: Kysely<Database>, cipher: FieldCipher) {
  const problems: string[] = []
  let decrypted = 0
  for (const { table, columns } of ENCRYPTED_COLUMNS) {
    for (const column of columns) {
      for (const sample of await ciphertextSamples(db, table, column)) {
        try {
          cipher.decrypt(sample)
          decrypted += 1
        } catch (error) {
          problems.push(
            `${table}.${column} cannot be decrypted with FIELD_KEYS: ${(error as Error).message}`,
          )
        }
      }
    }
  }
  let indexed = 0
  for (const pair of BLIND_INDEXED) {
    const sample = await blindIndexSample(db, pair)
    if (!sample) continue
    let value: string
    try {
      value = cipher.decrypt(sample.value)
    } catch {
      continue // reported above
    }
    indexed += 1
    if (cipher.blindIndex(pair.kind, value) !== sample.index) {
      problems.push(
        `${pair.table}.${pair.index} does not match: BLIND_INDEX_KEY (or FIELD_CIPHER) is not the one the backup was made with`,
      )
    }
  }
  return { problems, decrypted, indexed }
}
