import { useState } from 'react'
import { useMutation } from '../../hooks/useMutation'
import {
  type CoordinateSystem,
  importPlaces,
  type PlaceImportReport,
  type UploadSource,
} from '../../services/places'

/**
 * The coordinate system (no default: a wrong guess moves every place by hundreds of
 * metres), the file, and the report of the upload.
 */
export function usePlaceImport() {
  const [crs, setCrs] = useState<CoordinateSystem | null>(null)
  const [file, setFile] = useState<UploadSource | null>(null)
  const uploading = useMutation({ failure: { dialog: '导入失败' } })
  const [report, setReport] = useState<PlaceImportReport | null>(null)

  const upload = async () => {
    if (!crs || !file) return
    await uploading.run(async () => {
      setReport(await importPlaces(crs, file))
      setFile(null)
    })
  }
  return { crs, setCrs, file, setFile, busy: uploading.busy, report, upload }
}
