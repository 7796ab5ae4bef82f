// @vitest-environment node
// Sass's Node build needs Node globals, not jsdom's.
import { fileURLToPath } from 'node:url'
import * as sass from 'sass'
import { describe, expect, it } from 'vitest'
import { colours, tones } from '../../src/styles/tokens'

const stylesDir = fileURLToPath(new URL('../../src/styles', import.meta.url))

/** Compiles tokens.scss with the real compiler and prints what its module exports. */
function scssTokens(): {
  colours: Map<string, string>
  tones: Map<string, { bg: string; text: string }>
} {
  const probe = `
@use 'sass:map';
@use 'sass:meta';
@use 'tokens';
@each $name, $value in meta.module-variables('tokens') {
  @if meta.type-of($value) == 'color' { colour { #{$name}: meta.inspect($value); } }
}
@each $name, $tone in tokens.$tones {
  tone { #{$name}: map.get($tone, bg) map.get($tone, text); }
}`
  const css = sass.compileString(probe, { loadPaths: [stylesDir] }).css
  const declarations = (block: string) =>
    [...css.matchAll(new RegExp(`${block} \\{([^}]*)\\}`, 'g'))].map((match) => {
      const [name = '', value = ''] = (match[1] ?? '').trim().replace(/;$/, '').split(/:\s*/)
      return [name, value] as const
    })
  return {
    colours: new Map(declarations('colour')),
    tones: new Map(
      declarations('tone').map(([name, value]) => {
        const [bg = '', text = ''] = value.split(' ')
        return [name, { bg, text }]
      }),
    ),
  }
}

const kebab = (camel: string) => camel.replace(/[A-Z0-9]+/g, (part) => `-${part.toLowerCase()}`)

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r = 0, g = 0, bl = 0] = [1, 3, 5].map((i) => {
      const channel = Number.parseInt(hex.slice(i, i + 2), 16) / 255
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl
  }
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05)
}

describe('design tokens', () => {
  const scss = scssTokens()

  it('tokens.ts holds every colour of tokens.scss, under the same name, with the same value', () => {
    const fromTs = Object.entries(colours).map(([name, value]) => [kebab(name), value])
    expect(Object.fromEntries(fromTs)).toEqual(Object.fromEntries(scss.colours))
  })

  it('the SCSS tone map and the TS Tone list name the same tones', () => {
    expect([...scss.tones.keys()]).toEqual([...tones])
  })

  it('every tone keeps its text at 4.5:1 or more on its fill', () => {
    for (const [name, { bg, text }] of scss.tones) {
      expect(contrast(text, bg), name).toBeGreaterThanOrEqual(4.5)
    }
  })

  it('text colours keep 4.5:1 or more on the backgrounds they are used on', () => {
    const pairs: [keyof typeof colours, keyof typeof colours][] = [
      ['text', 'pageBg'],
      ['textSecondary', 'pageBg'],
      ['textSecondary', 'surfaceMuted'],
      ['textPlaceholder', 'cardBg'],
      ['link', 'cardBg'],
      ['textOnBrand', 'partyRed'],
      ['textOnBrand', 'partyRedPressed'],
      ['textOnBrand', 'successSolid'],
      ['textOnBrand', 'warningSolid'],
      ['textOnBrand', 'dangerSolid'],
      ['successOnCard', 'cardBg'],
      ['dangerText', 'cardBg'],
      ['noticeText', 'noticeBg'],
      ['noticeText', 'warningBg'],
      ['bannerText', 'bannerBg'],
      ['bannerText', 'demoBannerBg'],
      ['starGold', 'cardBg'],
    ]
    for (const [text, background] of pairs) {
      expect(
        contrast(colours[text], colours[background]),
        `${text} on ${background}`,
      ).toBeGreaterThanOrEqual(4.5)
    }
  })
})
