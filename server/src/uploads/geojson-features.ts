import type { ApiError } from '../http/errors.ts'
import { isJsonSpace, JsonValueBytes } from './json-value.ts'
import { MAX_RECORD_BYTES, overLimit, unreadableFile } from './limits.ts'

type State =
  | 'root'
  | 'key-or-end'
  | 'key'
  | 'colon'
  | 'value'
  | 'member'
  | 'after-member'
  | 'first-feature'
  | 'feature'
  | 'after-feature'
  | 'done'

const KEY_BYTES = 1024
const BOM = [0xef, 0xbb, 0xbf]

/**
 * The features of a GeoJSON FeatureCollection, one at a time, from chunks of the file:
 * never the whole document in memory. The top level is walked byte by byte; each member
 * and each feature is collected (at most MAX_RECORD_BYTES) and parsed alone. Whether the
 * `type` is FeatureCollection can only be known at the end when it comes after the
 * features: the caller reads every feature before it writes anything.
 */
export async function* geojsonFeatures(chunks: AsyncIterable<Buffer>): AsyncGenerator<unknown> {
  const scanner = new FeatureScanner()
  // The first three bytes, gathered to see whether they are a byte-order mark.
  let start: Buffer | undefined = Buffer.alloc(0)
  for await (const chunk of chunks) {
    if (!start) {
      yield* scanner.push(chunk)
      continue
    }
    start = Buffer.concat([start, chunk])
    if (start.length < BOM.length) continue
    yield* scanner.push(withoutBom(start))
    start = undefined
  }
  if (start) yield* scanner.push(withoutBom(start))
  scanner.end()
}

const withoutBom = (bytes: Buffer) =>
  BOM.every((byte, i) => bytes[i] === byte) ? bytes.subarray(BOM.length) : bytes

class FeatureScanner {
  private state: State = 'root'
  private key: number[] = []
  private keyEscaped = false
  private memberName = ''
  private value: JsonValueBytes | undefined
  private features = 0
  private sawFeatures = false
  private type: unknown

  /** The features completed in this chunk. */
  push(chunk: Buffer): unknown[] {
    const done: unknown[] = []
    let i = 0
    while (i < chunk.length) {
      const byte = chunk[i] as number
      if (this.state === 'key') {
        i = this.readKey(chunk, i)
        continue
      }
      if (this.state === 'member' || this.state === 'feature') {
        const end = this.value?.feed(chunk, i) ?? -1
        if (end === -1) return done
        i = end
        if (this.state === 'feature') done.push(this.finishFeature())
        else this.finishMember()
        continue
      }
      i++
      if (isJsonSpace(byte)) continue
      this.step(byte)
    }
    return done
  }

  end(): void {
    if (this.state !== 'done') throw broken('文件不完整')
    if (this.type !== 'FeatureCollection' || !this.sawFeatures)
      throw unreadableFile('GeoJSON 应为 FeatureCollection（含 features 数组）')
  }

  /** One structural byte of the top level (white space already skipped). */
  private step(byte: number): void {
    switch (this.state) {
      case 'root':
        if (byte !== 0x7b) throw unreadableFile('GeoJSON 应为一个对象（FeatureCollection）')
        this.state = 'key-or-end'
        return
      case 'key-or-end':
        if (byte === 0x7d) this.state = 'done'
        else if (byte === 0x22) this.state = 'key'
        else throw broken('应为字段名')
        return
      case 'colon':
        if (byte !== 0x3a) throw broken('字段名后应为冒号')
        this.state = 'value'
        return
      case 'value':
        this.startValue(byte)
        return
      case 'after-member':
        if (byte === 0x2c) this.state = 'key-or-end'
        else if (byte === 0x7d) this.state = 'done'
        else throw broken('字段之间应为逗号')
        return
      case 'first-feature':
      case 'after-feature':
        if (byte === 0x5d) this.state = 'after-member'
        else if (this.state === 'first-feature') this.startFeature(byte)
        else if (byte === 0x2c) this.state = 'first-feature'
        else throw broken(`第${this.features}个要素之后应为逗号`)
        return
      default:
        throw broken('文件结尾之后还有内容')
    }
  }

  private startValue(byte: number): void {
    if (this.memberName === 'features') {
      if (byte !== 0x5b) throw unreadableFile('GeoJSON 的 features 应为数组')
      this.sawFeatures = true
      this.state = 'first-feature'
      return
    }
    const name = this.memberName
    this.value = new JsonValueBytes(MAX_RECORD_BYTES, () =>
      overLimit(`GeoJSON 的“${name}”字段超过1 MB`),
    )
    this.state = 'member'
    this.rewind(byte)
  }

  private startFeature(byte: number): void {
    const number = this.features + 1
    this.value = new JsonValueBytes(MAX_RECORD_BYTES, () =>
      overLimit(`GeoJSON 第${number}个要素超过1 MB`),
    )
    this.state = 'feature'
    this.rewind(byte)
  }

  /** The value's first byte was consumed as structure: hand it to the collector. */
  private rewind(byte: number): void {
    const end = this.value?.feed(Buffer.of(byte), 0) ?? -1
    if (end !== -1) {
      if (this.state === 'feature') throw broken(`第${this.features + 1}个要素不完整`)
      this.finishMember()
    }
  }

  private readKey(chunk: Buffer, from: number): number {
    for (let i = from; i < chunk.length; i++) {
      const byte = chunk[i] as number
      if (!this.keyEscaped && byte === 0x22) {
        this.memberName = parsed(`"${Buffer.from(this.key).toString('utf8')}"`, '字段名') as string
        this.key = []
        this.state = 'colon'
        return i + 1
      }
      this.keyEscaped = !this.keyEscaped && byte === 0x5c
      if (this.key.length >= KEY_BYTES) throw broken('字段名过长')
      this.key.push(byte)
    }
    return chunk.length
  }

  private finishMember(): void {
    const value = parsed(this.value?.text() ?? '', `“${this.memberName}”字段`)
    if (this.memberName === 'type') this.type = value
    this.value = undefined
    this.state = 'after-member'
  }

  private finishFeature(): unknown {
    this.features++
    const feature = parsed(this.value?.text() ?? '', `第${this.features}个要素`)
    this.value = undefined
    this.state = 'after-feature'
    return feature
  }
}

function parsed(text: string, what: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw broken(`${what}不是有效的 JSON`)
  }
}

const broken = (why: string): ApiError => unreadableFile(`GeoJSON 文件无法解析：${why}`)
