import type { RegisterKind } from '@djt/shared'
import type { Kysely } from 'kysely'
import { recordAudit } from '../audit/audit.repository.ts'
import type { StaffCaller } from '../auth/access.ts'
import type { FieldCipher } from '../crypto/field-cipher.ts'
import type { Database } from '../db/schema.ts'
import { recomputeEvidence } from '../evidence/evidence.service.ts'
import { ApiError } from '../http/errors.ts'
import { readSheetRows, type SheetRow } from '../kernel/row-readers.ts'
import type { UploadedFile } from '../uploads/upload.ts'
import { locateColumns } from './columns.ts'
import { collectGarbage } from './heap.ts'
import { RegisterLoader } from './register-loader.ts'
import { createImport, finishImport, loadRegionPaths } from './registers.repository.ts'
import { RowCheck } from './row-check.ts'

export interface ImportRequest {
  kind: RegisterKind
  upload: UploadedFile
  caller: StaffCaller
  cipher: FieldCipher
  /** For the audit row. */
  requestId: string
  ip: string
  /** Told every PROGRESS_EVERY rows, so a long import shows it is alive. */
  onProgress(importId: string, rows: number): void
}

const PROGRESS_EVERY = 10_000

/**
 * Imports one register file all-or-nothing: the import row, the register rows, the
 * rejects, the recomputed evidence and the audit row commit together or not at all, so
 * a failure or a killed process leaves the registers as they were.
 */
export async function importRegister(
  db: Kysely<Database>,
  request: ImportRequest,
  // The demo seed imports inside its own transaction; everyone else gets a fresh one.
  inTransaction: <T>(work: (trx: Kysely<Database>) => Promise<T>) => Promise<T> = (work) =>
    db.transaction().execute(work),
) {
  const rows = readSheetRows(request.upload.file, request.upload.limits.registers)
  try {
    const header = await rows.next()
    if (header.done)
      throw new ApiError(400, 'validation_failed', '文件是空的', [
        { field: 'file', message: '文件没有表头和数据' },
      ])
    // Checked before the transaction opens: a wrong file stores nothing and blocks nobody.
    const columns = locateColumns(request.kind, header.value.cells)
    const context = { regionPaths: await loadRegionPaths(db), scopePath: request.caller.regionPath }
    const check = new RowCheck(request.kind, columns, context)
    return await inTransaction(async (trx) => {
      const importId = await createImport(trx, {
        kind: request.kind,
        fileName: request.upload.fileName,
        caller: request.caller,
      })
      const counts = await loadRows(trx, importId, rows, check, request)
      const recomputed = await recomputeEvidence(trx, { importId })
      await finishImport(trx, importId, counts, recomputed)
      await recordAudit(trx, {
        actorId: request.caller.id,
        actorRole: 'staff',
        action: 'register.import',
        outcome: 'success',
        targetType: 'register_import',
        targetId: importId,
        regionPath: request.caller.regionPath,
        requestId: request.requestId,
        ip: request.ip,
        detail: { kind: request.kind, ...counts, evidenceRecomputed: recomputed },
      })
      return importId
    })
  } finally {
    await rows.return(undefined)
  }
}

async function loadRows(
  trx: Kysely<Database>,
  importId: string,
  rows: AsyncIterable<SheetRow>,
  check: RowCheck,
  request: ImportRequest,
) {
  const loader = new RegisterLoader(trx, request.kind, importId, request.cipher, {
    maxRejects: request.upload.limits.registers.rejects,
  })
  for await (const row of rows) {
    const counted = await loader.add(row, check)
    if (counted && loader.counts.read % PROGRESS_EVERY === 0) {
      request.onProgress(importId, loader.counts.read)
      collectGarbage()
    }
  }
  return loader.finish()
}
