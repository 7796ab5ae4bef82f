/**
 * Collects the bytes of one JSON value as they arrive in chunks (an object, an array, a
 * string or a scalar), so a large document can be taken apart value by value and each
 * value parsed alone with JSON.parse. It only finds where the value ends; JSON.parse
 * judges whether it is valid.
 */
export class JsonValueBytes {
  private parts: Buffer[] = []
  private size = 0
  private depth = 0
  private inString = false
  private escaped = false
  private kind: 'container' | 'string' | 'scalar' | undefined

  constructor(
    private readonly maxBytes: number,
    private readonly onTooLarge: () => Error,
  ) {}

  /**
   * Reads from `chunk` at `start`; the index just past the value once it is complete, or
   * -1 when the chunk ended first (call again with the next one).
   */
  feed(chunk: Buffer, start: number): number {
    let i = start
    if (this.kind === undefined) {
      const first = chunk[i]
      this.kind =
        first === 0x7b || first === 0x5b ? 'container' : first === 0x22 ? 'string' : 'scalar'
      if (this.kind !== 'scalar') {
        this.inString = this.kind === 'string'
        this.depth = this.kind === 'container' ? 1 : 0
        i++
      }
    }
    const end = this.kind === 'scalar' ? scalarEnd(chunk, i) : this.closing(chunk, i)
    this.keep(chunk.subarray(start, end === -1 ? chunk.length : end))
    return end
  }

  /** The value's text, once `feed` said it is complete. */
  text(): string {
    return Buffer.concat(this.parts, this.size).toString('utf8')
  }

  private closing(chunk: Buffer, from: number): number {
    for (let i = from; i < chunk.length; i++) {
      const byte = chunk[i]
      if (this.inString) {
        if (this.escaped) this.escaped = false
        else if (byte === 0x5c) this.escaped = true
        else if (byte === 0x22) {
          this.inString = false
          if (this.kind === 'string') return i + 1
        }
      } else if (byte === 0x22) this.inString = true
      else if (byte === 0x7b || byte === 0x5b) this.depth++
      else if ((byte === 0x7d || byte === 0x5d) && --this.depth === 0) return i + 1
    }
    return -1
  }

  private keep(bytes: Buffer): void {
    this.size += bytes.length
    if (this.size > this.maxBytes) throw this.onTooLarge()
    if (bytes.length > 0) this.parts.push(bytes)
  }
}

/** A number, true, false or null ends at a delimiter or white space. */
function scalarEnd(chunk: Buffer, from: number): number {
  for (let i = from; i < chunk.length; i++) {
    const byte = chunk[i] as number
    if (byte === 0x2c || byte === 0x5d || byte === 0x7d || isJsonSpace(byte)) return i
  }
  return -1
}

export const isJsonSpace = (byte: number) =>
  byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09
