import PDFDocument from 'pdfkit'
import { PNG } from 'pngjs'
import QRCode from 'qrcode'
import { drawText, measureText, type TextStyle, type Weight, wrap } from './fonts.ts'
import { blit, type Canvas, createCanvas, fillPath, fillRect, hex, type Rgb } from './raster.ts'

export interface PlaqueContent {
  title: string
  displayName: string
  business: string
  stall?: string
  promises: string[]
  code: string
  issuer: string
  qr: { kind: 'url'; url: string } | { kind: 'image'; png: Buffer }
}

// A5 (148 × 210 mm) at 200 dpi.
const W = 1166
const H = 1654
const RED = hex('#C8161D')
const GOLD = hex('#F6D27A')
const INK = hex('#1F1F1F')
const GREY = hex('#5F5F5F')
const WHITE: Rgb = [255, 255, 255]
const LEFT = 100
const RIGHT = W - 100
const PROMISES = { top: 668, bottom: 1150 }
const QR = { top: 1168, box: 300 }

/** Baseline that puts the middle of a CJK glyph of this size at y. */
const baselineFor = (y: number, size: number) => y + size * 0.38

function centered(c: Canvas, text: string, y: number, st: TextStyle, maxWidth = RIGHT - LEFT) {
  const width = measureText(text, st.size, st.weight, st.spacing)
  const style = width > maxWidth ? { ...st, size: (st.size * maxWidth) / width } : st
  const w = Math.min(width, maxWidth)
  drawText(c, text, (W - w) / 2, baselineFor(y, style.size), style)
}

function frame(c: Canvas): void {
  const box = (inset: number, t: number, rgb: Rgb) => {
    fillRect(c, inset, inset, W - 2 * inset, t, rgb)
    fillRect(c, inset, H - inset - t, W - 2 * inset, t, rgb)
    fillRect(c, inset, inset, t, H - 2 * inset, rgb)
    fillRect(c, W - inset - t, inset, t, H - 2 * inset, rgb)
  }
  box(22, 10, RED)
  box(38, 3, GOLD)
  fillRect(c, 44, 44, W - 88, 236, RED)
  fillRect(c, 72, 66, W - 144, 2, GOLD)
  fillRect(c, 72, 256, W - 144, 2, GOLD)
  fillRect(c, 44, H - 98, W - 88, 54, RED)
}

function header(c: Canvas, p: PlaqueContent): void {
  centered(c, p.title, 162, { size: 100, weight: 700, color: GOLD, spacing: 14 }, W - 220)
  centered(c, p.business, 368, { size: 80, weight: 700, color: INK })
  centered(c, `党员：${p.displayName}`, 458, { size: 40, weight: 400, color: INK })
  if (p.stall) centered(c, p.stall, 520, { size: 32, weight: 400, color: GREY })
  fillRect(c, LEFT, 566, RIGHT - LEFT, 2, hex('#E9B8BA'))
  fillRect(c, LEFT, 598, 10, 44, RED)
  drawText(c, '我的承诺', LEFT + 26, baselineFor(620, 42), { size: 42, weight: 700, color: RED })
}

/** The largest size at which every promise fits in at most two lines; one line as a last resort. */
function layoutPromises(promises: string[]): { st: TextStyle; blocks: string[][] } {
  const items = promises.slice(0, 8)
  const at = (size: number, maxLines: number) => {
    const st = { size, weight: 400 as Weight, color: INK }
    return { st, blocks: items.map((p) => wrap(p, st, RIGHT - LEFT - size * 1.8, maxLines)) }
  }
  for (let size = 38; size >= 20; size -= 2) {
    const { blocks } = at(size, 2)
    const lines = blocks.reduce((n, b) => n + b.length, 0)
    const height = lines * size * 1.5 + (items.length - 1) * size * 0.55
    if (height <= PROMISES.bottom - PROMISES.top) return at(size, 2)
  }
  return at(20, 1)
}

function circle(r: number): Parameters<typeof fillPath>[1] {
  const k = r * 0.5523
  return [
    { command: 'moveTo', args: [r, 0] },
    { command: 'bezierCurveTo', args: [r, k, k, r, 0, r] },
    { command: 'bezierCurveTo', args: [-k, r, -r, k, -r, 0] },
    { command: 'bezierCurveTo', args: [-r, -k, -k, -r, 0, -r] },
    { command: 'bezierCurveTo', args: [k, -r, r, -k, r, 0] },
    { command: 'closePath', args: [] },
  ]
}

function promises(c: Canvas, list: string[]): void {
  const { st, blocks } = layoutPromises(list)
  const lh = st.size * 1.5
  const lines = blocks.reduce((n, b) => n + b.length, 0)
  // Leftover height loosens the list a little instead of pooling above the QR code.
  const room = PROMISES.bottom - PROMISES.top - lines * lh - (blocks.length - 1) * st.size * 0.55
  const gap = st.size * 0.55 + Math.min(st.size * 0.5, room / Math.max(1, blocks.length - 1))
  let y = PROMISES.top + lh / 2
  blocks.forEach((lines, i) => {
    const r = st.size * 0.58
    fillPath(c, circle(r), { scale: 1, x0: LEFT + r, y0: y }, RED)
    const num = { size: st.size * 0.72, weight: 700 as Weight, color: WHITE }
    const nw = measureText(String(i + 1), num.size, num.weight)
    drawText(c, String(i + 1), LEFT + r - nw / 2, y + num.size * 0.36, num)
    for (const line of lines) {
      drawText(c, line, LEFT + st.size * 1.8, baselineFor(y, st.size), st)
      y += lh
    }
    y += gap
  })
}

/** The QR as an image: 1 px per module with a 4-module quiet zone, or the decoded wxacode. */
function qrImage(qr: PlaqueContent['qr']): Canvas {
  if (qr.kind === 'image') return PNG.sync.read(qr.png)
  const { modules } = QRCode.create(qr.url, { errorCorrectionLevel: 'M' })
  const n = modules.size + 8
  const img = createCanvas(n, n, WHITE)
  for (let r = 0; r < modules.size; r++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(r, col)) fillRect(img, col + 4, r + 4, 1, 1, [0, 0, 0])
    }
  }
  return img
}

function qrBlock(c: Canvas, p: PlaqueContent): void {
  const img = qrImage(p.qr)
  // Whole pixels per module keep every module the same width, which scanners rely on.
  const size =
    p.qr.kind === 'url' ? img.width * Math.max(6, Math.floor(QR.box / img.width)) : QR.box
  const x = Math.round((W - size) / 2)
  const y = Math.round(QR.top + (QR.box - size) / 2)
  // A supplied image may bring little or no margin of its own, so it gets one here.
  const inset = p.qr.kind === 'image' ? 16 : 0
  fillRect(c, x, y, size, size, WHITE)
  blit(c, img, x + inset, y + inset, size - 2 * inset, size - 2 * inset)
  centered(c, '扫码查验承诺真伪', 1496, { size: 30, weight: 700, color: INK })
  centered(c, `查验码 ${p.code}`, 1534, { size: 24, weight: 400, color: GREY })
  centered(c, `${p.issuer} 监制`, H - 71, { size: 26, weight: 400, color: WHITE, spacing: 2 })
}

export async function renderPlaquePng(content: PlaqueContent): Promise<Buffer> {
  const c = createCanvas(W, H, WHITE)
  frame(c)
  header(c, content)
  promises(c, content.promises)
  qrBlock(c, content)
  const png = new PNG({ width: W, height: H })
  png.data = Buffer.from(c.data.buffer, c.data.byteOffset, c.data.byteLength)
  return PNG.sync.write(png, { colorType: 2, filterType: 4 })
}

export async function renderPlaquePdf(content: PlaqueContent): Promise<Buffer> {
  const png = await renderPlaquePng(content)
  const doc = new PDFDocument({ size: 'A5', margin: 0 })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  doc.image(png, 0, 0, { width: doc.page.width, height: doc.page.height })
  doc.end()
  return done
}
