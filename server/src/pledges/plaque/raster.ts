// A deliberately small scanline rasterizer: the server cannot load native canvas modules.

export type Canvas = { width: number; height: number; data: Uint8Array }
export type Rgb = readonly [number, number, number]
export interface PathCommand {
  command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath'
  args: number[]
}
/** Maps outline coordinates (y up, e.g. font units) to pixels: (x0 + x·scale, y0 − y·scale). */
export type Transform = { scale: number; x0: number; y0: number }
export type Point = [number, number]
type Edge = { x0: number; y0: number; x1: number; y1: number; dir: number }

const SUBSAMPLES = 5

export const hex = (s: string): Rgb => {
  const n = Number.parseInt(s.replace('#', ''), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

export function createCanvas(width: number, height: number, bg: Rgb): Canvas {
  const c = { width, height, data: new Uint8Array(width * height * 4) }
  fillRect(c, 0, 0, width, height, bg)
  return c
}

function blend(c: Canvas, x: number, y: number, rgb: Rgb, alpha: number): void {
  if (alpha <= 0 || x < 0 || y < 0 || x >= c.width || y >= c.height) return
  const i = (y * c.width + x) * 4
  const a = Math.min(alpha, 1)
  const d = c.data
  d[i] = Math.round((d[i] ?? 0) * (1 - a) + rgb[0] * a)
  d[i + 1] = Math.round((d[i + 1] ?? 0) * (1 - a) + rgb[1] * a)
  d[i + 2] = Math.round((d[i + 2] ?? 0) * (1 - a) + rgb[2] * a)
}

/** Opaque rectangle on whole pixels: one row is painted, then copied down. */
export function fillRect(c: Canvas, x: number, y: number, w: number, h: number, rgb: Rgb): void {
  const x0 = Math.max(0, Math.round(x))
  const x1 = Math.min(c.width, Math.round(x + w))
  const y0 = Math.max(0, Math.round(y))
  const y1 = Math.min(c.height, Math.round(y + h))
  if (x1 <= x0 || y1 <= y0) return
  const row = new Uint8Array((x1 - x0) * 4)
  for (let i = 0; i < row.length; i += 4) row.set([rgb[0], rgb[1], rgb[2], 255], i)
  for (let yy = y0; yy < y1; yy++) c.data.set(row, (yy * c.width + x0) * 4)
}

/** Turns outline commands into closed polygons of device-space points. */
export function flatten(commands: readonly PathCommand[], t: Transform): Point[][] {
  const polys: Point[][] = []
  let poly: Point[] = []
  let [cx, cy, sx, sy] = [0, 0, 0, 0]
  const to = (x: number, y: number) => {
    ;[cx, cy] = [x, y]
    poly.push([t.x0 + x * t.scale, t.y0 - y * t.scale])
  }
  for (const { command, args } of commands) {
    const [x = 0, y = 0] = args
    if (command === 'moveTo') {
      if (poly.length > 2) polys.push(poly)
      poly = []
      ;[sx, sy] = [x, y]
      to(x, y)
    } else if (command === 'lineTo') to(x, y)
    else if (command === 'closePath') [cx, cy] = [sx, sy]
    else {
      const p = [cx, cy, ...args]
      const n = curveSteps(p, t.scale)
      for (let i = 1; i <= n; i++) to(...curvePoint(p, i / n))
    }
  }
  if (poly.length > 2) polys.push(poly)
  return polys
}

/** Enough segments that a curve deviates well under a pixel, yet few for small text. */
function curveSteps(p: readonly number[], scale: number): number {
  let len = 0
  for (let i = 2; i + 1 < p.length; i += 2) {
    len += Math.hypot((p[i] ?? 0) - (p[i - 2] ?? 0), (p[i + 1] ?? 0) - (p[i - 1] ?? 0))
  }
  return Math.max(2, Math.min(48, Math.ceil(Math.sqrt(len * scale) * 1.5)))
}

/** A point on a quadratic (6 coordinates) or cubic (8 coordinates) Bézier at parameter s. */
function curvePoint(p: readonly number[], s: number): Point {
  const u = 1 - s
  const cubic = [u * u * u, 3 * u * u * s, 3 * u * s * s, s * s * s]
  const w = p.length === 6 ? [u * u, 2 * u * s, s * s] : cubic
  const sum = (o: number) => w.reduce((acc, k, i) => acc + k * (p[2 * i + o] ?? 0), 0)
  return [sum(0), sum(1)]
}

function edgesOf(polys: readonly Point[][]): Edge[] {
  const edges: Edge[] = []
  for (const poly of polys) {
    poly.forEach(([ax, ay], i) => {
      const [bx, by] = poly[(i + 1) % poly.length] ?? [ax, ay]
      if (ay < by) edges.push({ x0: ax, y0: ay, x1: bx, y1: by, dir: 1 })
      if (ay > by) edges.push({ x0: bx, y0: by, x1: ax, y1: ay, dir: -1 })
    })
  }
  return edges
}

/** Adds a span's exact horizontal coverage, weighted by one subsample row. */
function addSpan(cov: Float32Array, a: number, b: number, w: number): void {
  const lo = Math.max(0, a)
  const hi = Math.min(cov.length, b)
  for (let px = Math.floor(lo); px < hi; px++) {
    cov[px] = (cov[px] ?? 0) + (Math.min(hi, px + 1) - Math.max(lo, px)) * w
  }
}

/** One subsample row: spans where the winding number is non-zero, so overlapping contours stay solid. */
function scanRow(cov: Float32Array, edges: readonly Edge[], sy: number, hits: number[]): void {
  hits.length = 0
  for (const e of edges) {
    if (sy < e.y0 || sy >= e.y1) continue
    // Crossings are kept as pairs in one flat array to avoid an object per hit.
    hits.push(e.x0 + ((sy - e.y0) * (e.x1 - e.x0)) / (e.y1 - e.y0), e.dir)
  }
  const order = Array.from({ length: hits.length / 2 }, (_, i) => i * 2)
  order.sort((p, q) => (hits[p] ?? 0) - (hits[q] ?? 0))
  let winding = 0
  let prev = 0
  for (const i of order) {
    const x = hits[i] ?? 0
    if (winding !== 0) addSpan(cov, prev, x, 1 / SUBSAMPLES)
    winding += hits[i + 1] ?? 0
    prev = x
  }
}

/** Fills closed polygons (device pixels) with the non-zero winding rule. */
export function fillPolygons(c: Canvas, polys: readonly Point[][], rgb: Rgb): void {
  const edges = edgesOf(polys)
  if (edges.length === 0) return
  const xs = polys.flat().map(([x]) => x)
  const top = Math.max(0, Math.floor(Math.min(...edges.map((e) => e.y0))))
  const bottom = Math.min(c.height, Math.ceil(Math.max(...edges.map((e) => e.y1))))
  const left = Math.max(0, Math.floor(Math.min(...xs)))
  const right = Math.min(c.width, Math.ceil(Math.max(...xs)))
  const cov = new Float32Array(c.width)
  const hits: number[] = []
  for (let y = top; y < bottom; y++) {
    cov.fill(0, left, right)
    for (let s = 0; s < SUBSAMPLES; s++) scanRow(cov, edges, y + (s + 0.5) / SUBSAMPLES, hits)
    for (let x = left; x < right; x++) {
      const a = cov[x] ?? 0
      if (a > 0.001) blend(c, x, y, rgb, a)
    }
  }
}

export function fillPath(c: Canvas, cmds: readonly PathCommand[], t: Transform, rgb: Rgb): void {
  fillPolygons(c, flatten(cmds, t), rgb)
}

/** Draws an RGBA image into a rectangle, nearest-neighbour so QR modules keep hard edges. */
export function blit(c: Canvas, img: Canvas, x: number, y: number, w: number, h: number): void {
  for (let dy = 0; dy < h; dy++) {
    const sy = Math.min(img.height - 1, Math.floor(((dy + 0.5) * img.height) / h))
    for (let dx = 0; dx < w; dx++) {
      const sx = Math.min(img.width - 1, Math.floor(((dx + 0.5) * img.width) / w))
      const i = (sy * img.width + sx) * 4
      const [r = 0, g = 0, b = 0, a = 0] = img.data.subarray(i, i + 4)
      blend(c, x + dx, y + dy, [r, g, b], a / 255)
    }
  }
}
