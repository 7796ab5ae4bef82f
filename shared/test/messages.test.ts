import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { GeoPoint, Mobile, RegionCode, ResidentId, Uscc } from '../src/index.ts'

const han = /\p{Script=Han}/u
const zodDefaults = /Invalid|expected|received|Too (big|small)/

// What a stall owner's registration form would send, with every field wrong.
const Registration = z.object({
  mobile: Mobile,
  creditCode: Uscc,
  idNumber: ResidentId,
  region: RegionCode,
  stall: z.object({ location: GeoPoint }),
})

describe('messages shown in the mini-program', () => {
  it('are Chinese, carry the field path, and one per wrong field', () => {
    const result = Registration.safeParse({
      mobile: '23812345678',
      creditCode: '91350100M000100Y44',
      idNumber: '11010519990231002X',
      region: '350001',
      stall: { location: { lat: 35.6762, lng: 139.6503 } },
    })
    expect(result.success).toBe(false)
    const issues = result.error?.issues.map(({ path, message }) => ({ path, message }))
    expect(issues).toEqual([
      { path: ['mobile'], message: '手机号应以13至19开头' },
      { path: ['creditCode'], message: '统一社会信用代码校验位不正确' },
      { path: ['idNumber'], message: '身份证号中的出生日期不存在' },
      { path: ['region'], message: '行政区划代码结构不正确：市级部分为00时县级部分也应为00' },
      {
        path: ['stall', 'location', 'lng'],
        message: '经度超出中国范围（应在72.004到137.8347之间）',
      },
    ])
  })

  it.each([
    ['Mobile', Mobile],
    ['Uscc', Uscc],
    ['ResidentId', ResidentId],
    ['RegionCode', RegionCode],
    ['GeoPoint', GeoPoint],
  ])('%s answers non-text and wrong values in Chinese, never with zod’s English', (_, schema) => {
    for (const input of [undefined, 42, '', 'abc', { lat: 'x' }]) {
      const issues = schema.safeParse(input).error?.issues ?? []
      expect(issues.length).toBeGreaterThan(0)
      for (const { message } of issues) {
        expect(message).toMatch(han)
        expect(message).not.toMatch(zodDefaults)
      }
    }
  })

  it('flattens to field errors a form can show beside each input', () => {
    const result = Registration.pick({ mobile: true, region: true }).safeParse({
      mobile: '1381234567',
      region: '35',
    })
    expect(z.flattenError(result.error as z.ZodError).fieldErrors).toEqual({
      mobile: ['手机号应为11位大陆手机号'],
      region: ['行政区划代码应为6位数字'],
    })
  })
})
