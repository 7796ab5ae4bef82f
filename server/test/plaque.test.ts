import jsQRModule from 'jsqr'
import { PNG } from 'pngjs'
import QRCode from 'qrcode'
import t from 'tap'
import { glyphFor, wrap } from '../src/pledges/plaque/fonts.ts'
import {
  type PlaqueContent,
  renderPlaquePdf,
  renderPlaquePng,
} from '../src/pledges/plaque/plaque.ts'
import {
  type Canvas,
  createCanvas,
  fillPath,
  fillPolygons,
  type Point,
} from '../src/pledges/plaque/raster.ts'

const URL = 'https://djt.example.gov.cn/p/K7P29XQ4'
const content: PlaqueContent = {
  title: '共产党员经营户',
  displayName: '陈建国',
  business: '陈记水产',
  stall: '东街口农贸市场 A12 号',
  promises: [
    '诚信经营，明码标价，不缺斤短两',
    '保证水产品新鲜，来源可追溯',
    '亮明党员身份，接受群众监督',
  ],
  code: 'K7P2-9XQ4',
  issuer: '福州市鼓楼区市场监督管理局',
  qr: { kind: 'url', url: URL },
}

// jsqr is CommonJS with an ES-style default export, so under NodeNext the function sits on .default.
const jsQR = jsQRModule.default
const decode = (png: Buffer) => PNG.sync.read(png)
const scan = (img: PNG) => jsQR(new Uint8ClampedArray(img.data), img.width, img.height)?.data
const pixel = (img: { width: number; data: Uint8Array }, x: number, y: number) => {
  const i = (y * img.width + x) * 4
  return [img.data[i] ?? 0, img.data[i + 1] ?? 0, img.data[i + 2] ?? 0]
}
/** Pixels in a rectangle matching a predicate on their RGB. */
const count = (
  img: PNG,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  f: (p: number[]) => boolean,
) => {
  let n = 0
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (f(pixel(img, x, y))) n++
  return n
}
const isGold = ([r = 0, g = 0, b = 0]: number[]) => r > 220 && g > 180 && b < 160
const isRed = ([r = 0, g = 0, b = 0]: number[]) => r > 170 && g < 60 && b < 60
const isDark = ([r = 0, g = 0, b = 0]: number[]) => r + g + b < 300
const isWhite = ([r, g, b]: number[]) => r === 255 && g === 255 && b === 255

t.test('a url plaque is A5 at 200 dpi and its QR code scans back to the url', async (t) => {
  const img = decode(await renderPlaquePng(content))
  t.equal(img.width, 1166)
  t.equal(img.height, 1654)
  t.equal(scan(img), URL)
})

t.test('a wxacode image is scaled into the plaque and still scans', async (t) => {
  const text = 'https://example.test/wxacode?scene=AbC123'
  const png = await QRCode.toBuffer(text, { margin: 1, width: 280 })
  const img = decode(await renderPlaquePng({ ...content, qr: { kind: 'image', png } }))
  t.equal(img.width, 1166)
  t.equal(scan(img), text)
})

t.test('the text is drawn, and long promises stay inside the page', async (t) => {
  const img = decode(await renderPlaquePng(content))
  t.ok(count(img, 44, 44, 1122, 280, isGold) > 20_000, 'gold title on the red band')
  t.ok(count(img, 44, 44, 1122, 280, isRed) > 150_000, 'red header band')
  t.ok(count(img, 100, 300, 1066, 560, isDark) > 8_000, 'business and member name')
  t.ok(count(img, 150, 668, 1066, 1150, isDark) > 8_000, 'promises')
  t.ok(count(img, 100, 668, 150, 1150, isRed) > 1_000, 'numbered markers')

  const long =
    'ABC-123 quality assurance，坚持诚信经营明码标价保证商品质量接受消费者和社会各界的监督做到童叟无欺'
  const many = { ...content, promises: Array.from({ length: 8 }, (_, i) => `${i + 1}${long}`) }
  const full = decode(await renderPlaquePng(many))
  t.ok(count(full, 150, 668, 1066, 1150, isDark) > 15_000, 'eight promises drawn')
  const outside = (x: number, y: number) => x < 22 || y < 22 || x >= 1144 || y >= 1632
  let stray = 0
  for (let y = 0; y < 1654; y++) {
    for (let x = 0; x < 1166; x++) if (outside(x, y) && !isWhite(pixel(full, x, y))) stray++
  }
  t.equal(stray, 0, 'nothing drawn in the page margin')
  t.equal(
    count(full, 1068, 600, 1118, 1160, (p) => !isWhite(p)),
    0,
    'promises keep to the right margin',
  )
  t.equal(
    count(full, 100, 1152, 1066, 1166, (p) => !isWhite(p)),
    0,
    'promises stop above the QR code',
  )
})

t.test('wrapping keeps Latin words whole and ends cut text with an ellipsis', async (t) => {
  const st = { size: 30, weight: 400 as const, color: [0, 0, 0] as const }
  const lines = wrap('坚持诚信经营 quality assurance 保证商品质量', st, 330, 3)
  t.ok(lines.length > 1)
  for (const word of ['quality', 'assurance'])
    t.ok(
      lines.some((l) => l.includes(word)),
      word,
    )
  const cut = wrap(
    '坚持诚信经营明码标价保证商品质量接受消费者和社会各界的监督做到童叟无欺',
    st,
    300,
    2,
  )
  t.equal(cut.length, 2)
  t.match(cut[1], /…$/)
})

t.test('the PDF is one A5 page', async (t) => {
  const pdf = await renderPlaquePdf(content)
  t.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-')
  t.ok(pdf.toString('latin1').includes('/MediaBox [0 0 419.53 595.28]'))
  t.equal(pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length, 1)
})

t.test('the rasterizer fills by non-zero winding with anti-aliased edges', async (t) => {
  const white = (c: Canvas, x: number, y: number) => isWhite(pixel(c, x, y))
  const hui = glyphFor('回'.codePointAt(0) ?? 0, 400)
  t.ok(hui.commands.length > 8, '回 has outlines')
  const glyph = createCanvas(200, 200, [255, 255, 255])
  fillPath(glyph, hui.commands, { scale: 0.18, x0: 10, y0: 170 }, [0, 0, 0])
  const xs = hui.commands.flatMap((c) => c.args.filter((_, i) => i % 2 === 0))
  const ys = hui.commands.flatMap((c) => c.args.filter((_, i) => i % 2 === 1))
  const [minX, maxX] = [Math.min(...xs) * 0.18 + 10, Math.max(...xs) * 0.18 + 10]
  const midY = Math.round(170 - ((Math.min(...ys) + Math.max(...ys)) / 2) * 0.18)
  t.ok(white(glyph, Math.round((minX + maxX) / 2), midY), 'centre of the inner square is empty')
  t.ok(isDark(pixel(glyph, Math.round(minX + 4), midY)), 'outer stroke is filled')

  const square = (a: number, b: number): Point[] => [
    [a, a],
    [b, a],
    [b, b],
    [a, b],
  ]
  const overlap = createCanvas(100, 100, [255, 255, 255])
  fillPolygons(overlap, [square(10, 60), square(40, 90)], [0, 0, 0])
  t.same(pixel(overlap, 50, 50), [0, 0, 0], 'overlap of same-direction squares stays filled')
  t.same(pixel(overlap, 20, 20), [0, 0, 0])
  t.ok(white(overlap, 80, 20), 'outside both squares is empty')

  const half = createCanvas(30, 10, [255, 255, 255])
  fillPolygons(
    half,
    [
      [
        [5, 2],
        [20.5, 2],
        [20.5, 8],
        [5, 8],
      ],
    ],
    [0, 0, 0],
  )
  t.ok(Math.abs((pixel(half, 20, 5)[0] ?? 0) - 128) <= 2, 'half-covered pixel is half grey')
})
