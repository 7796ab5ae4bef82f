import { Transform, type TransformCallback } from 'node:stream'
import type { ApiError } from '../http/errors.ts'
import { MAX_RECORD_BYTES, overLimit } from './limits.ts'

/** An element name to count, how many are allowed, and what to answer beyond that. */
export interface CountedElement {
  name: string
  max: number
  refuse: (max: number) => ApiError
}

export interface XmlGuardOptions {
  /** What the part may inflate to: its declared size, never more than the limit. */
  maxBytes: number
  refuseBytes: () => ApiError
  counted?: CountedElement[]
}

const LT = 0x3c
const GT = 0x3e
const SLASH = 0x2f
/** The longest element name worth collecting: the counted ones are shorter. */
const NAME_BYTES = 8

/**
 * Stands between the zip's inflated part and exceljs's XML parser, and refuses the file as
 * soon as the part grows past its size, an element counted (a shared string) past its
 * limit, or one text or tag past MAX_RECORD_BYTES (the parser would hold it whole). It
 * hands the parser text decoded as one stream: exceljs decodes each chunk on its own,
 * which breaks a Chinese character split between two chunks.
 */
export class XmlGuard extends Transform {
  private bytes = 0
  /** Bytes since the last `<` or `>`. */
  private run = 0
  /** The element name being read after a `<`, or undefined outside one. */
  private name: number[] | undefined
  private readonly counts: number[]
  private readonly decoder = new TextDecoder('utf-8')

  constructor(private readonly options: XmlGuardOptions) {
    super({ readableObjectMode: true })
    this.counts = (options.counted ?? []).map(() => 0)
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let text: string
    try {
      this.bytes += chunk.length
      if (this.bytes > this.options.maxBytes) throw this.options.refuseBytes()
      this.scan(chunk)
      text = this.decoder.decode(chunk, { stream: true })
    } catch (error) {
      done(error as Error)
      return
    }
    done(null, text.length > 0 ? text : undefined)
  }

  override _flush(done: TransformCallback): void {
    const rest = this.decoder.decode()
    done(null, rest.length > 0 ? rest : undefined)
  }

  private scan(chunk: Buffer): void {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i] as number
      if (byte === LT || byte === GT) {
        if (this.name) this.endName()
        this.run = 0
        if (byte === LT) this.name = []
        continue
      }
      if (++this.run > MAX_RECORD_BYTES)
        throw overLimit('XLSX 文件中有超过1 MB的单个单元格或标记，无法读取')
      const name = this.name
      if (!name) continue
      // A name ends at a space, a slash or the tag's end; `</x>`, `<?x`, `<!x` are not counted.
      if (byte <= 0x20 || (byte === SLASH && name.length > 0)) this.endName()
      else if (name.length < NAME_BYTES) name.push(byte)
      else this.name = undefined
    }
  }

  private endName(): void {
    const name = this.name
    this.name = undefined
    const counted = this.options.counted
    if (!name || !counted) return
    for (let k = 0; k < counted.length; k++) {
      const element = counted[k] as CountedElement
      if (!sameName(name, element.name)) continue
      const count = (this.counts[k] ?? 0) + 1
      this.counts[k] = count
      if (count > element.max) throw element.refuse(element.max)
    }
  }
}

function sameName(bytes: number[], name: string): boolean {
  if (bytes.length !== name.length) return false
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== name.charCodeAt(i)) return false
  return true
}
