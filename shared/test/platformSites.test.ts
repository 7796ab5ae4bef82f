import { describe, expect, it } from 'vitest'
import { PlatformSiteInput, siteCoverage, UpdatePlatformSiteRequest } from '../src/index.ts'

const han = /\p{Script=Han}/u
const site = {
  platform: 'meituan',
  name: '鼓楼东街站',
  regionCode: '350102',
  riderCount: 120,
  memberRiderCount: 9,
  orgForm: 'flow_branch',
  orgName: '美团鼓楼东街站流动党员党支部',
}
const problems = (input: unknown) =>
  PlatformSiteInput.safeParse(input).error?.issues.map((i) => [i.path.join('.'), i.message])

describe('a platform site', () => {
  it('accepts a county site with an organisation', () => {
    expect(PlatformSiteInput.safeParse(site).success).toBe(true)
  })

  it('names every wrong field in Chinese', () => {
    const all = problems({ riderCount: 'x', address: 5, instructor: 'x'.repeat(31) }) ?? []
    expect(all.map(([path]) => path)).toEqual([
      'platform',
      'name',
      'regionCode',
      'address',
      'riderCount',
      'memberRiderCount',
      'orgForm',
      'instructor',
    ])
    for (const [, message] of all) expect(message).toMatch(han)
  })

  it('wants a county, an organisation’s name, and no more member riders than riders', () => {
    expect(problems({ ...site, regionCode: '350100' })).toEqual([
      ['regionCode', '站点所在地应选择到区县'],
    ])
    expect(problems({ ...site, orgName: ' ', memberRiderCount: 121 })).toEqual([
      ['orgName', '请填写党组织名称'],
      ['memberRiderCount', '党员骑手人数不能多于骑手人数'],
    ])
    expect(problems({ ...site, orgForm: 'none', orgName: undefined })).toBeUndefined()
  })

  it('counts as work-covered without an organisation only with an instructor', () => {
    expect(siteCoverage({ orgForm: 'joint_branch' })).toBe('organised')
    expect(siteCoverage({ orgForm: 'none', instructor: '林' })).toBe('work_covered')
    expect(siteCoverage({ orgForm: 'none', instructor: null })).toBe('none')
  })

  it('an edit changes the site, the status, or both, never nothing', () => {
    expect(UpdatePlatformSiteRequest.safeParse({ status: 'closed' }).success).toBe(true)
    expect(UpdatePlatformSiteRequest.safeParse({}).error?.issues[0]?.message).toBe(
      '请填写要修改的站点信息或状态',
    )
  })
})
