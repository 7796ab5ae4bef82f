import { Readable } from 'node:stream'
import t from 'tap'
import { loadConfig } from '../src/config.ts'
import { ApiError } from '../src/http/errors.ts'
import { geojsonFeatures } from '../src/uploads/geojson-features.ts'
import { IMPORT_DEFAULTS, importLimits, overLimit } from '../src/uploads/limits.ts'
import { LocalImportSlots } from '../src/uploads/slots.ts'
import { XmlGuard } from '../src/uploads/xml-guard.ts'

/** The bytes in pieces of `size`: every state of a streaming reader meets a chunk's end. */
function* pieces(bytes: Buffer, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size)
}

async function features(text: string, size: number): Promise<unknown[]> {
  const found: unknown[] = []
  for await (const feature of geojsonFeatures(Readable.from(pieces(Buffer.from(text), size))))
    found.push(feature)
  return found
}

t.test('GeoJSON features come out the same whatever the chunks', async (t) => {
  const collection = {
    name: '站点 "一" \\ 二',
    bbox: [119.1, 26.0, 119.5, 26.2],
    features: [
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [119.3, 26.1] },
        properties: { 名称: '东街驿站 {]}', note: 'a "quoted" \\ back\\slash ]}', n: -1.5e3 },
      },
      null,
      7,
      'text',
      [1, [2, { a: [] }]],
      { type: 'Feature', properties: { 设施: ['饮用水', '卫生间'] }, geometry: null },
    ],
    type: 'FeatureCollection',
  }
  const compact = JSON.stringify(collection)
  const spaced = `\uFEFF \n${JSON.stringify(collection, null, 3)}\r\n`
  for (const text of [compact, spaced])
    for (const size of [1, 2, 3, 7, 64, 100_000])
      t.same(await features(text, size), collection.features, `chunks of ${size}`)
  t.same(await features('{"type":"FeatureCollection","features":[]}', 5), [])
})

t.test('malformed GeoJSON names what is wrong, in any chunking', async (t) => {
  const cases: [string, RegExp][] = [
    ['', /文件不完整/],
    ['{"type":"FeatureCollection","features":[1,,2]}', /第2个要素不完整/],
    ['{"type":"FeatureCollection","features":[{"a":1}{"b":2}]}', /第1个要素之后应为逗号/],
    ['{"type" "FeatureCollection"}', /字段名后应为冒号/],
    ['{type:"FeatureCollection"}', /应为字段名/],
    ['{"type":FeatureCollection,"features":[]}', /“type”字段不是有效的 JSON/],
    ['{"features":[{"a":tru}],"type":"FeatureCollection"}', /第1个要素不是有效的 JSON/],
  ]
  for (const [text, message] of cases)
    for (const size of [1, 4, 1000])
      await t.rejects(features(text, size), { statusCode: 400, message }, `${text} in ${size}`)
})

t.test('the XML guard counts elements across chunks and decodes split characters', async (t) => {
  const xml = Buffer.from(
    `<?xml version="1.0"?><sst><si><t>甲乙</t></si><si><r><t>丙</t></r><r><t>丁</t></r></si><si/></sst>`,
  )
  for (const size of [1, 2, 5, 1000]) {
    const guard = new XmlGuard({
      maxBytes: xml.length,
      refuseBytes: () => overLimit('too big'),
      counted: (['si', 'r'] as const).map((name) => ({
        name,
        max: 100,
        refuse: () => overLimit(name),
      })),
    })
    let text = ''
    const done = (async () => {
      for await (const piece of guard) text += piece as string
    })()
    for (const piece of pieces(xml, size)) guard.write(piece)
    guard.end()
    await done
    t.equal(text, xml.toString(), `the same text in chunks of ${size}`)
    const tooFew = new XmlGuard({
      maxBytes: xml.length,
      refuseBytes: () => overLimit('too big'),
      counted: [{ name: 'si', max: 2, refuse: (max) => overLimit(`si>${max}`) }],
    })
    const refused = new Promise((resolve) => tooFew.on('error', resolve))
    tooFew.resume()
    for (const piece of pieces(xml, size)) tooFew.write(piece)
    tooFew.end()
    t.match(await refused, { message: 'si>2' }, `the third <si> refused in chunks of ${size}`)
  }
  const short = new XmlGuard({ maxBytes: 10, refuseBytes: () => overLimit('over 10 bytes') })
  const error = new Promise((resolve) => short.on('error', resolve))
  short.resume()
  short.end(Buffer.from('<a>0123456789</a>'))
  t.match(await error, { message: 'over 10 bytes' })
})

t.test('import slots: per staff member, in all, released once', async (t) => {
  const slots = new LocalImportSlots(1, 2)
  const first = await slots.take('a')
  await t.rejects(slots.take('a'), { statusCode: 429, message: /每人同时最多1个/ })
  const second = await slots.take('b')
  await t.rejects(slots.take('c'), { statusCode: 429, message: /同时最多2个/ })
  first()
  first()
  const third = await slots.take('c')
  await t.rejects(slots.take('d'), ApiError, 'a second release of one slot frees nothing')
  second()
  third()
  t.ok(await slots.take('a'))
})

t.test('the limits are configured, with defaults, and a bad value is named', async (t) => {
  const limits = importLimits(loadConfig({}))
  t.equal(limits.registers.rows, IMPORT_DEFAULTS.registerRows)
  t.equal(limits.places.rejects, 1000)
  t.equal(limits.registers.xlsx.sharedStringsBytes, 64 * 1024 * 1024)
  const set = importLimits(loadConfig({ PLACE_IMPORT_MAX_ROWS: '20000', IMPORT_MAX_COLUMNS: '50' }))
  t.match(set.places, { rows: 20_000, columns: 50 })
  t.throws(() => loadConfig({ IMPORTS_AT_ONCE: '0' }), {
    name: 'ConfigError',
    message: /IMPORTS_AT_ONCE="0" is invalid: must be 1–1000/,
  })
  t.throws(() => loadConfig({ XLSX_MAX_SHARED_STRINGS: 'many' }), {
    message: /XLSX_MAX_SHARED_STRINGS="many" is invalid: must be a number/,
  })
})
