import { useState } from 'react'
import { showFailure } from '../../profile/account-actions'
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
  const [busy, setBusy] = useState(false)
  const [report, setReport] = useState<PlaceImportReport | null>(null)

  const upload = async () => {
    if (!crs || !file || busy) return
    setBusy(true)
    try {
      setReport(await importPlaces(crs, file))
      setFile(null)
    } catch (error) {
      await showFailure('导入失败', error)
    } finally {
      setBusy(false)
    }
  }
  return { crs, setCrs, file, setFile, busy, report, upload }
}
