import type { RegisterKind } from '@djt/shared'
import { useState } from 'react'
import { showFailure } from '../../profile/account-actions'
import {
  downloadRejects,
  downloadTemplate,
  importRegister,
  type RegisterImport,
  type RegisterImportReport,
  type UploadSource,
} from '../../services/registers'

/** The import page's choices (register, file), the upload and its report. */
export function useRegisterImport(onImported: () => void) {
  const [kind, setKind] = useState<RegisterKind>('platform_roster')
  const [file, setFile] = useState<UploadSource | null>(null)
  const [busy, setBusy] = useState(false)
  const [report, setReport] = useState<RegisterImportReport | null>(null)

  const upload = async () => {
    if (!file || busy) return
    setBusy(true)
    try {
      setReport(await importRegister(kind, file))
      setFile(null)
      onImported()
    } catch (error) {
      await showFailure('导入失败', error)
    } finally {
      setBusy(false)
    }
  }
  const chooseKind = (next: RegisterKind) => {
    setKind(next)
    setReport(null)
  }
  return {
    kind,
    file,
    busy,
    report,
    chooseKind,
    setFile,
    upload,
    template: () =>
      downloadTemplate(kind).catch((error: unknown) => showFailure('下载失败', error)),
    rejects: (item: Pick<RegisterImport, 'id' | 'kind'>) =>
      downloadRejects(item).catch((error: unknown) => showFailure('下载失败', error)),
  }
}
