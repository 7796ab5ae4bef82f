// Rows of one file that repeat a natural key. The later row is kept (as before), and the
// report says so: which lines, which one was kept, and whether they disagreed. A party
// list row giving an ID number already given another name is refused, and so is the
// earlier row: the file cannot say which name is right.
import { createHash } from 'node:crypto'
import type { RegisterRecord } from './register-rows.ts'
import type { DuplicateRecord } from './registers.repository.ts'

interface Seen {
  line: number
  /**
   * The row's content as compared: without ciphertexts (fresh random IVs differ every
   * time) and without the typed form of a field kept normalised too (王 小明 = 王小明).
   */
  digest: string
  name: string | null
}

export type Repeat =
  | { kind: 'first' }
  | { kind: 'repeat' }
  /** The row is refused; so are the earlier lines (empty once they were refused). */
  | { kind: 'two_names'; firstLine: number; earlierLines: number[] }

const digestOf = (record: RegisterRecord) =>
  createHash('sha256')
    .update(
      JSON.stringify(
        Object.entries(record).filter(
          ([key]) => !key.endsWith('_enc') && !(`${key}_norm` in record),
        ),
      ),
    )
    .digest('base64url')
    .slice(0, 16)

export class DuplicateRows {
  private readonly seen = new Map<string, Seen>()
  private readonly superseded = new Map<string, { lines: number[]; disagreed: boolean }>()
  /** ID blind indexes given two names: every row with one is refused. */
  readonly twoNames = new Map<string, number>()

  /**
   * Notes the row; says whether its key came before. `idNumberBi` is set only for the
   * party list, where one ID with two names refuses the rows.
   */
  note(key: string, line: number, record: RegisterRecord, idNumberBi: string | null): Repeat {
    const name = typeof record.name_norm === 'string' ? record.name_norm : null
    const refusedSince = idNumberBi ? this.twoNames.get(idNumberBi) : undefined
    if (refusedSince !== undefined)
      return { kind: 'two_names', firstLine: refusedSince, earlierLines: [] }
    const before = this.seen.get(key)
    const digest = digestOf(record)
    if (before && idNumberBi && before.name !== name) {
      const earlierLines = [...(this.superseded.get(key)?.lines ?? []), before.line]
      const firstLine = earlierLines[0] ?? before.line
      this.twoNames.set(idNumberBi, firstLine)
      this.seen.delete(key)
      this.superseded.delete(key)
      return { kind: 'two_names', firstLine, earlierLines }
    }
    this.seen.set(key, { line, digest, name })
    if (!before) return { kind: 'first' }
    const entry = this.superseded.get(key) ?? { lines: [], disagreed: false }
    entry.lines.push(before.line)
    entry.disagreed ||= before.digest !== digest
    this.superseded.set(key, entry)
    return { kind: 'repeat' }
  }

  /** Every superseded line with the line finally kept, in file order. */
  report(): DuplicateRecord[] {
    const rows: DuplicateRecord[] = []
    for (const [key, { lines, disagreed }] of this.superseded) {
      const kept = this.seen.get(key)?.line
      if (kept !== undefined)
        for (const line of lines) rows.push({ line, keptLine: kept, disagreed })
    }
    return rows.sort((a, b) => a.line - b.line)
  }
}
