import { readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { type Font, openSync } from 'fontkit'
import { type Canvas, fillPath, type PathCommand, type Rgb } from './raster.ts'

export type Weight = 400 | 700
export interface Glyph {
  commands: readonly PathCommand[]
  advance: number // font units (1000 per em)
}
export interface PlacedGlyph {
  glyph: Glyph
  x: number // pixels from the start of the run
}

const UNITS_PER_EM = 1000
const fontsDir = join(
  dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/package.json')),
  'files',
)
const subsets = new Map<Weight, Font[]>()
const glyphs = new Map<string, Glyph>()

// Outer square clockwise, inner counter-clockwise, so non-zero filling leaves a hollow box.
const square = (x0: number, y0: number, x1: number, y1: number, cw: boolean): PathCommand[] => {
  const corners = cw
    ? [
        [x0, y0],
        [x0, y1],
        [x1, y1],
        [x1, y0],
      ]
    : [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
      ]
  return [
    ...corners.map((args, i): PathCommand => ({ command: i === 0 ? 'moveTo' : 'lineTo', args })),
    { command: 'closePath', args: [] },
  ]
}
/** Drawn for characters no subset covers, so a gap in the fonts is visible rather than silent. */
const MISSING: Glyph = {
  commands: [...square(100, -50, 900, 750, true), ...square(160, 10, 840, 690, false)],
  advance: 1000,
}
const EMPTY: Glyph = { commands: [], advance: 0 }

/** Every woff2 subset of one weight, opened once; the big all-in-one file would only duplicate them. */
function subsetFonts(weight: Weight): Font[] {
  let fonts = subsets.get(weight)
  if (!fonts) {
    const pattern = new RegExp(`^noto-sans-sc-[a-z0-9-]+-${weight}-normal\\.woff2$`)
    fonts = readdirSync(fontsDir)
      .filter((f) => pattern.test(f) && !f.includes('chinese-simplified'))
      .map((f) => openSync(join(fontsDir, f)) as Font)
    subsets.set(weight, fonts)
  }
  return fonts
}

export function glyphFor(codePoint: number, weight: Weight): Glyph {
  const key = `${weight}:${codePoint}`
  let glyph = glyphs.get(key)
  if (glyph) return glyph
  const font = subsetFonts(weight).find((f) => f.hasGlyphForCodePoint(codePoint))
  if (font) {
    const g = font.glyphForCodePoint(codePoint)
    const scale = UNITS_PER_EM / font.unitsPerEm
    const commands = g.path.commands.map((c) => ({ ...c, args: c.args.map((v) => v * scale) }))
    glyph = { commands, advance: g.advanceWidth * scale }
  } else glyph = codePoint < 0x20 ? EMPTY : { ...MISSING, advance: codePoint < 0x2e80 ? 600 : 1000 }
  glyphs.set(key, glyph)
  return glyph
}

/** Positions each character by its own advance; Noto Sans SC needs no shaping for Chinese. */
export function layoutText(text: string, size: number, weight: Weight, spacing = 0): PlacedGlyph[] {
  const placed: PlacedGlyph[] = []
  let x = 0
  for (const ch of text) {
    const glyph = glyphFor(ch.codePointAt(0) ?? 0, weight)
    placed.push({ glyph, x })
    x += (glyph.advance * size) / UNITS_PER_EM + spacing
  }
  return placed
}

export function measureText(text: string, size: number, weight: Weight, spacing = 0): number {
  const placed = layoutText(text, size, weight, spacing)
  const last = placed[placed.length - 1]
  return last ? last.x + (last.glyph.advance * size) / UNITS_PER_EM : 0
}

export interface TextStyle {
  size: number
  weight: Weight
  color: Rgb
  spacing?: number
}

/** Draws text with its baseline at y; returns the width drawn. */
export function drawText(c: Canvas, text: string, x: number, y: number, style: TextStyle): number {
  const scale = style.size / UNITS_PER_EM
  for (const { glyph, x: gx } of layoutText(text, style.size, style.weight, style.spacing)) {
    fillPath(c, glyph.commands, { scale, x0: x + gx, y0: y }, style.color)
  }
  return measureText(text, style.size, style.weight, style.spacing)
}

const TOKENS = /[A-Za-z0-9][\w.,:/%+'-]*|\s+|\S[，。、；：！？）》」』”’,.;:!?)]*/gu

/** CJK breaks anywhere; Latin words and digit runs stay whole unless wider than a line. */
export function wrap(text: string, st: TextStyle, width: number, maxLines: number): string[] {
  const fits = (s: string) => measureText(s, st.size, st.weight) <= width
  const units = (text.trim().match(TOKENS) ?? []).flatMap((u) => (fits(u) ? [u] : [...u]))
  const lines: string[] = []
  let line = ''
  for (const u of units) {
    if (line && !fits(line + u)) {
      lines.push(line.trimEnd())
      line = u.trimStart()
    } else line += u
  }
  if (line) lines.push(line)
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  let last = [...(kept[maxLines - 1] ?? '')]
  while (last.length > 0 && !fits(`${last.join('')}…`)) last = last.slice(0, -1)
  kept[maxLines - 1] = `${last.join('').trimEnd()}…`
  return kept
}
