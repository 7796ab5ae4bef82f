import type { Config } from '../config.ts'
import { ApiError } from '../http/errors.ts'

/**
 * What one XLSX may cost once unzipped; checked on the zip's directory, then while reading.
 * exceljs keeps the whole shared-strings table in memory, so its limits bound an XLSX
 * import's memory: at the defaults about 100 MB (measured: a million short strings +94 MB
 * RSS, 64 MB of long ones +88 MB, a quarter million rich-text runs, their own limit, ~80 MB).
 */
export interface XlsxLimits {
  /** All entries together, as declared and as actually inflated. */
  unzippedBytes: number
  /** Strings (`<si>`); rich-text runs (`<r>`) up to a quarter of this. */
  sharedStrings: number
  sharedStringsBytes: number
}

/** What one import may read and keep: rows, columns, rejects listed one by one. */
export interface SheetLimits {
  rows: number
  columns: number
  rejects: number
  xlsx: XlsxLimits
}

export interface ImportLimits {
  registers: SheetLimits
  places: SheetLimits
}

/**
 * One CSV record, one GeoJSON feature, one XML text or tag. Excel holds at most 32,767
 * characters in a cell; a megabyte is room for any real row and keeps a single token from
 * growing without end in memory.
 */
export const MAX_RECORD_BYTES = 1024 * 1024

/** The defaults of the configuration (config.ts), and the sizes they were chosen for. */
export const IMPORT_DEFAULTS = {
  /** 200 MB of CSV is about two million register rows. */
  registerRows: 2_000_000,
  /** A province's care stations and branches, many times over. */
  placeRows: 50_000,
  columns: 200,
  registerRejects: 100_000,
  placeRejects: 1_000,
  xlsxUnzippedBytes: 1024 * 1024 * 1024,
  xlsxSharedStrings: 1_000_000,
  xlsxSharedStringsBytes: 64 * 1024 * 1024,
  importsPerStaff: 1,
  importsAtOnce: 2,
} as const

type LimitSettings = Pick<
  Config,
  | 'REGISTER_IMPORT_MAX_ROWS'
  | 'PLACE_IMPORT_MAX_ROWS'
  | 'IMPORT_MAX_COLUMNS'
  | 'REGISTER_IMPORT_MAX_REJECTS'
  | 'PLACE_IMPORT_MAX_REJECTS'
  | 'XLSX_MAX_UNZIPPED_BYTES'
  | 'XLSX_MAX_SHARED_STRINGS'
  | 'XLSX_MAX_SHARED_STRINGS_BYTES'
>

export function importLimits(config: LimitSettings): ImportLimits {
  const xlsx: XlsxLimits = {
    unzippedBytes: config.XLSX_MAX_UNZIPPED_BYTES,
    sharedStrings: config.XLSX_MAX_SHARED_STRINGS,
    sharedStringsBytes: config.XLSX_MAX_SHARED_STRINGS_BYTES,
  }
  const columns = config.IMPORT_MAX_COLUMNS
  return {
    registers: {
      rows: config.REGISTER_IMPORT_MAX_ROWS,
      columns,
      rejects: config.REGISTER_IMPORT_MAX_REJECTS,
      xlsx,
    },
    places: {
      rows: config.PLACE_IMPORT_MAX_ROWS,
      columns,
      rejects: config.PLACE_IMPORT_MAX_REJECTS,
      xlsx,
    },
  }
}

/** The defaults, for imports that no request starts (the demo seed). */
export const defaultImportLimits = importLimits({
  REGISTER_IMPORT_MAX_ROWS: IMPORT_DEFAULTS.registerRows,
  PLACE_IMPORT_MAX_ROWS: IMPORT_DEFAULTS.placeRows,
  IMPORT_MAX_COLUMNS: IMPORT_DEFAULTS.columns,
  REGISTER_IMPORT_MAX_REJECTS: IMPORT_DEFAULTS.registerRejects,
  PLACE_IMPORT_MAX_REJECTS: IMPORT_DEFAULTS.placeRejects,
  XLSX_MAX_UNZIPPED_BYTES: IMPORT_DEFAULTS.xlsxUnzippedBytes,
  XLSX_MAX_SHARED_STRINGS: IMPORT_DEFAULTS.xlsxSharedStrings,
  XLSX_MAX_SHARED_STRINGS_BYTES: IMPORT_DEFAULTS.xlsxSharedStringsBytes,
})

/** A file over one of the limits: 413, the limit named in the message. */
export function overLimit(message: string): ApiError {
  return new ApiError(413, 'payload_too_large', message, [{ field: 'file', message }])
}

/** A file that cannot be read as what it claims to be. */
export function unreadableFile(message: string): ApiError {
  return new ApiError(400, 'validation_failed', message, [{ field: 'file', message }])
}

export const megabytes = (bytes: number) => `${Math.floor(bytes / 1024 / 1024)} MB`
