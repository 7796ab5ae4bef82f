import {
  type RegisterImport,
  RegisterImportList,
  RegisterImportReport,
  type RegisterKind,
  registerKindNames,
} from '@djt/shared'
import { get } from './http'
import { download, type UploadSource, upload } from './transfer'

export type { RegisterImport, RegisterImportReport, RegisterKind } from '@djt/shared'
export type { UploadSource } from './transfer'

/** Sends a CSV or XLSX register; the report counts rows and lists the first rejected ones. */
export function importRegister(
  kind: RegisterKind,
  file: UploadSource,
): Promise<RegisterImportReport> {
  return upload(`/registers/${kind}/imports`, file, RegisterImportReport)
}

/** Past imports in the caller's jurisdiction. */
export async function fetchRegisterImports(): Promise<RegisterImport[]> {
  return (await get('/registers/imports', RegisterImportList)).items
}

/** Every rejected row of one import, with line, field and reason, as CSV. */
export function downloadRejects(item: Pick<RegisterImport, 'id' | 'kind'>): Promise<void> {
  const fileName = `${registerKindNames[item.kind]}-拒收报告-${item.id.slice(0, 8)}.csv`
  return download(`/registers/imports/${encodeURIComponent(item.id)}/rejects.csv`, fileName)
}

/** An empty CSV with the column headers the register needs. */
export function downloadTemplate(kind: RegisterKind): Promise<void> {
  return download(`/registers/${kind}/template.csv`, `${registerKindNames[kind]}-模板.csv`)
}
