import type { RegisterKind } from '@djt/shared'
import { useState } from 'react'
import { showFailure } from '../../hooks/failure'
import { useMutation } from '../../hooks/useMutation'
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
  const uploading = useMutation({ failure: { dialog: '导入失败' } })
  const [report, setReport] = useState<RegisterImportReport | null>(null)

  const upload = async () => {
    if (!file) return
    await uploading.run(async () => {
      setReport(await importRegister(kind, file))
      setFile(null)
      onImported()
    })
  }
  const chooseKind = (next: RegisterKind) => {
    setKind(next)
    setReport(null)
  }
  return {
    kind,
    file,
    busy: uploading.busy,
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
