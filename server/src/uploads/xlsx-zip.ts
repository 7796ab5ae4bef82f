import type { FileHandle } from 'node:fs/promises'
import { Readable } from 'node:stream'
import yauzl, { type Entry, type ZipFile } from 'yauzl'
import type { ApiError } from '../http/errors.ts'
import { fileChunks } from './file-chunks.ts'
import { megabytes, overLimit, unreadableFile, type XlsxLimits } from './limits.ts'
import { type CountedElement, XmlGuard } from './xml-guard.ts'

/** An XLSX holds a dozen parts; thousands would be a directory meant to be slow to read. */
const MAX_ENTRIES = 10_000

export const SHARED_STRINGS = 'xl/sharedStrings.xml'

/**
 * Reads the zip behind an XLSX at random through the upload's handle (yauzl). Its central
 * directory is read first: the parts' declared sizes are checked before a byte is
 * inflated, and each part is then read through a guard that refuses it the moment it
 * inflates past what it declared. A stream-only reader (exceljs's own, unzipper) trusts
 * the local headers, inflates whatever comes and cannot choose the order of the parts.
 */
export class XlsxZip {
  private readonly open = new Set<Readable>()

  private constructor(
    private readonly zip: ZipFile,
    readonly entries: Map<string, Entry>,
    private readonly limits: XlsxLimits,
  ) {}

  static async open(file: FileHandle, limits: XlsxLimits): Promise<XlsxZip> {
    const { size } = await file.stat()
    let zip: ZipFile
    try {
      zip = await yauzl.fromRandomAccessReaderPromise(new HandleReader(file), size, {
        lazyEntries: true,
        autoClose: false,
        // Checked by our guard instead, which names the part and the limit.
        validateEntrySizes: false,
        strictFileNames: false,
      })
    } catch {
      throw unreadableFile('XLSX 文件已损坏，无法读取其目录')
    }
    const entries = new Map<string, Entry>()
    try {
      let declared = 0
      for await (const entry of zip.eachEntry()) {
        if (entries.size >= MAX_ENTRIES)
          throw overLimit(`XLSX 文件包含超过${MAX_ENTRIES}个部件，不是普通的表格文件`)
        declared += entry.uncompressedSize
        if (declared > limits.unzippedBytes)
          throw overLimit(
            `XLSX 文件解压后超过${megabytes(limits.unzippedBytes)}，请分成几个文件导入`,
          )
        if (entry.fileName === SHARED_STRINGS && entry.uncompressedSize > limits.sharedStringsBytes)
          throw sharedStringsTooLarge(limits)
        entries.set(entry.fileName, entry)
      }
    } catch (error) {
      zip.close()
      if ((error as ApiError).statusCode) throw error
      throw unreadableFile('XLSX 文件已损坏，无法读取其目录')
    }
    return new XlsxZip(zip, entries, limits)
  }

  /** The part inflated and guarded, as text; `counted` elements refused past their limit. */
  async part(name: string, counted: CountedElement[] = []): Promise<Readable> {
    const entry = this.entries.get(name)
    if (!entry) throw unreadableFile(`XLSX 文件缺少 ${name}`)
    const declared = entry.uncompressedSize
    const guard = new XmlGuard({
      maxBytes: declared,
      refuseBytes: () =>
        name === SHARED_STRINGS && declared >= this.limits.sharedStringsBytes
          ? sharedStringsTooLarge(this.limits)
          : overLimit(
              `XLSX 文件中的 ${name} 解压后超过其声明的 ${declared} 字节：文件已损坏或被篡改`,
            ),
      counted,
    })
    let inflated: Readable
    try {
      inflated = await this.zip.openReadStreamPromise(entry)
    } catch {
      throw unreadableFile(`XLSX 文件中的 ${name} 无法解压`)
    }
    inflated.on('error', () => guard.destroy(unreadableFile(`XLSX 文件中的 ${name} 无法解压`)))
    this.open.add(guard)
    guard.once('close', () => {
      inflated.destroy()
      this.open.delete(guard)
    })
    return inflated.pipe(guard)
  }

  close(): void {
    for (const stream of this.open) stream.destroy()
    this.zip.close()
  }
}

export function sharedStringsTooLarge(limits: XlsxLimits): ApiError {
  return overLimit(
    `XLSX 文件的共享字符串表解压后超过${megabytes(limits.sharedStringsBytes)}：请另存为 CSV 后导入`,
  )
}

/**
 * yauzl reads through the upload's FileHandle (see file-chunks.ts) and never closes it:
 * the route does.
 */
class HandleReader extends yauzl.RandomAccessReader {
  constructor(private readonly file: FileHandle) {
    super()
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return Readable.from(fileChunks(this.file, start, end), { objectMode: false })
  }

  override close(callback: (error: Error | null) => void): void {
    callback(null)
  }
}
