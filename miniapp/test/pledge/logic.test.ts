import { checkCharacter } from '@djt/shared'
import { describe, expect, it } from 'vitest'
import { pledgeCodeOf, typedCode } from '../../src/pledge/code'
import { contentChanges, ratingText, stars } from '../../src/pledge/labels'
import { pledgeVersion } from '../pledge-fixtures'

const code = (body: string) => body + checkCharacter(body)
const CURRENT = code('D7K2M9P4Q8R3TV')

describe('pledge codes', () => {
  it('reads ?code= and a WeChat QR scene, URL-encoded or not', () => {
    expect(pledgeCodeOf({ code: CURRENT })).toBe(CURRENT)
    expect(pledgeCodeOf({ scene: encodeURIComponent(CURRENT.toLowerCase()) })).toBe(CURRENT)
    expect(pledgeCodeOf({ scene: 'cAb3dE5fG7hJ' })).toBe('cAb3dE5fG7hJ')
  })

  it('says "malformed" for what cannot be a code, null when there is none', () => {
    expect(pledgeCodeOf({})).toBeNull()
    expect(pledgeCodeOf({ scene: '%E4%B8%AD' })).toBe('malformed')
    expect(pledgeCodeOf({ code: '%E0%A4%A' })).toBe('malformed')
    expect(pledgeCodeOf({ code: 'x'.repeat(33) })).toBe('malformed')
    const typo = `${CURRENT.slice(0, 6)}${CURRENT[6] === '2' ? '3' : '2'}${CURRENT.slice(7)}`
    expect(pledgeCodeOf({ code: typo })).toBe('malformed')
  })

  it('takes a typed code as people type it, or a pasted or scanned link', () => {
    expect(typedCode(` ${CURRENT.slice(0, 5)} ${CURRENT.slice(5).toLowerCase()} `)).toBe(CURRENT)
    expect(typedCode(`https://x.cn/#/packagePledge/pages/public/index?code=${CURRENT}`)).toBe(
      CURRENT,
    )
    expect(typedCode(`https://x.cn/p/${CURRENT}`)).toBe(CURRENT)
    expect(typedCode(`packagePledge/pages/public/index?scene=${CURRENT}`)).toBe(CURRENT)
    expect(typedCode('')).toBeNull()
    expect(typedCode('承诺牌')).toBeNull()
  })
})

describe('ratings', () => {
  it('draws whole stars and says the average and count', () => {
    expect(stars(4.5)).toBe('★★★★★')
    expect(stars(4.4)).toBe('★★★★☆')
    expect(stars(null)).toBe('☆☆☆☆☆')
    expect(ratingText({ average: 5, count: 1 })).toBe('平均 5.0 / 1 条')
    expect(ratingText({ average: null, count: 0 })).toBe('暂无评价')
  })
})

describe('what an edit changes', () => {
  it('lists changed fields and added or removed promises', () => {
    const before = pledgeVersion().content
    const after = {
      ...before,
      business: '老周鲜果',
      stall: undefined,
      promises: [{ text: '诚信经营' }, { text: '明码标价' }],
    }
    expect(contentChanges(before, after)).toEqual([
      { label: '经营户/站点', before: '老周水果店', after: '老周鲜果' },
      { label: '摊位号', before: 'A-018', after: '（空）' },
      { label: '删去承诺', before: '坏果包换', after: '' },
      { label: '新增承诺', before: '', after: '明码标价' },
    ])
    expect(contentChanges(before, before)).toEqual([])
  })
})
