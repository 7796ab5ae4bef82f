import type { RegisterKind } from '@djt/shared'
import type { Kysely } from 'kysely'
import type { FieldCipher } from '../crypto/field-cipher.ts'
import type { Database } from '../db/schema.ts'
import type { SheetRow } from '../kernel/row-readers.ts'
import { RejectCap } from '../uploads/reject-cap.ts'
import { type RegisterRecord, type RowReader, rowReaders } from './register-rows.ts'
import { upsertRegisterRows } from './register-upserts.repository.ts'
import { type ImportCounts, insertRejects, type RejectRecord } from './registers.repository.ts'
import type { RowCheck, RowProblem } from './row-check.ts'

/** Rows per multi-row statement: large enough to amortise a round trip, small in memory. */
const BATCH = 2_000

/** Checks rows one by one and writes them, and the reasons for refused ones, in batches. */
export class RegisterLoader {
  readonly counts: ImportCounts = { read: 0, accepted: 0, rejected: 0 }
  private readonly reader: RowReader
  private records = new Map<string, RegisterRecord>()
  private rejects: RejectRecord[] = []
  private readonly rejectCap: RejectCap
  /** The batch being written while the next one is read; awaited before the next write. */
  private writing: Promise<void> = Promise.resolve()

  constructor(
    private readonly trx: Kysely<Database>,
    private readonly kind: RegisterKind,
    private readonly importId: string,
    private readonly cipher: FieldCipher,
    { maxRejects }: { maxRejects: number },
  ) {
    this.reader = rowReaders[kind]
    this.rejectCap = new RejectCap(maxRejects)
  }

  /** False for a blank row, which is neither read nor refused. */
  async add({ line, cells }: SheetRow, check: RowCheck): Promise<boolean> {
    if (cells.every((cell) => cell.trim() === '')) return false
    this.counts.read++
    check.reset(cells)
    const record = this.reader.read(check, this.cipher)
    if (record) {
      this.counts.accepted++
      // Within a file too, the later row with a key wins.
      this.records.set(this.reader.key(record), record)
    } else {
      this.counts.rejected++
      this.refuse(line, check.problems)
    }
    if (this.records.size >= BATCH || this.rejects.length >= BATCH) await this.write()
    return true
  }

  async finish(): Promise<ImportCounts> {
    const note = this.rejectCap.note(`共拒收${this.counts.rejected}行`)
    if (note) this.rejects.push(note)
    await this.write()
    await this.writing
    return this.counts
  }

  /** The row's reasons, once each, while the list has room; beyond it only counted. */
  private refuse(line: number, problems: readonly RowProblem[]): void {
    const reasons = new Map<string, string>()
    for (const { field, reason } of problems) if (!reasons.has(reason)) reasons.set(reason, field)
    if (!this.rejectCap.admit(line, reasons.size)) return
    for (const [reason, field] of reasons) this.rejects.push({ line, field, reason })
  }

  /** Starts writing the gathered batch once the previous one is done. */
  private async write(): Promise<void> {
    await this.writing
    const records = [...this.records.values()]
    const rejects = this.rejects
    this.records = new Map()
    this.rejects = []
    this.writing = (async () => {
      await upsertRegisterRows(this.trx, this.kind, this.importId, records)
      await insertRejects(this.trx, this.importId, rejects)
    })()
    // Marked handled now; the failure still surfaces at the next await of `writing`.
    this.writing.catch(() => undefined)
  }
}
