// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const src = fileURLToPath(new URL('../../src', import.meta.url))
// The only files allowed to spell a colour: the tokens and their TS mirror.
const tokenFiles = new Set(['styles/tokens.scss', 'styles/tokens.ts'])
const hexColour = /#[0-9a-fA-F]{3,8}\b/
const colourFunction = /\b(?:rgba?|hsla?)\(/

function sourceFiles(): string[] {
  return readdirSync(src, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => /\.(scss|tsx?)$/.test(file) && !tokenFiles.has(file))
}

describe('colours come from styles/tokens', () => {
  it('finds the stylesheets and scripts it checks', () => {
    expect(sourceFiles().filter((file) => file.endsWith('.scss')).length).toBeGreaterThan(40)
  })

  it('no stylesheet or script outside the tokens spells a colour', () => {
    const offenders = sourceFiles().flatMap((file) =>
      readFileSync(path.join(src, file), 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          hexColour.test(line) || colourFunction.test(line)
            ? [`${file}:${index + 1}: ${line.trim()}`]
            : [],
        ),
    )
    expect(offenders).toEqual([])
  })
})
