import type { RegisterKind } from '@djt/shared'
import type { Kysely } from 'kysely'
import type { FieldCipher } from '../crypto/field-cipher.ts'
import type { Database } from '../db/schema.ts'
import type { SheetRow } from '../kernel/row-readers.ts'
import { RejectCap } from '../uploads/reject-cap.ts'
import { DuplicateRows } from './duplicate-rows.ts'
import { type RegisterRecord, type RowReader, rowReaders } from './register-rows.ts'
import { deleteImportedPartyRows, upsertRegisterRows } from './register-upserts.repository.ts'
import {
  type ImportCounts,
  insertDuplicates,
  insertRejects,
  type RejectRecord,
} from './registers.repository.ts'
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
  private readonly duplicates = new DuplicateRows()
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
      this.accept(line, record)
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
    await deleteImportedPartyRows(this.trx, this.importId, [...this.duplicates.twoNames.keys()])
    await insertDuplicates(this.trx, this.importId, this.duplicates.report())
    return this.counts
  }

  /** Within a file too, the later row with a key wins; one ID with two names wins nothing. */
  private accept(line: number, record: RegisterRecord): void {
    const key = this.reader.key(record)
    const idNumberBi =
      this.kind === 'party_list' && typeof record.id_number_bi === 'string'
        ? record.id_number_bi
        : null
    const repeat = this.duplicates.note(key, line, record, idNumberBi)
    if (repeat.kind !== 'two_names') {
      this.counts.accepted++
      this.records.set(key, record)
      return
    }
    this.records.delete(key)
    const field = '身份证号'
    this.counts.rejected++
    this.refuse(line, [{ field, reason: `身份证号与第${repeat.firstLine}行相同，姓名不同` }])
    for (const earlier of repeat.earlierLines) {
      this.counts.accepted--
      this.counts.rejected++
      this.refuse(earlier, [{ field, reason: `身份证号与第${line}行相同，姓名不同` }])
    }
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
