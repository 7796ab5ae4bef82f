import { type PlatformSiteInput, regionPath } from '@djt/shared'
import type { SeedStep } from '../seed/seed.ts'
import { insertSite } from './platform-sites.repository.ts'

/** One organised, one work-covered (an instructor, no organisation), one not yet covered. */
const sites: PlatformSiteInput[] = [
  {
    platform: 'meituan',
    name: '鼓楼东街站',
    regionCode: '350102',
    address: '福州市鼓楼区东街128号',
    riderCount: 120,
    memberRiderCount: 9,
    orgForm: 'flow_branch',
    orgName: '美团鼓楼东街站流动党员党支部',
    instructor: '林书记',
  },
  {
    platform: 'eleme',
    name: '鼓楼站',
    regionCode: '350102',
    address: '福州市鼓楼区杨桥中路66号',
    riderCount: 80,
    memberRiderCount: 3,
    orgForm: 'none',
    instructor: '陈指导员',
  },
  {
    platform: 'pupu',
    name: '思明站',
    regionCode: '350203',
    address: '厦门市思明区湖滨南路90号',
    riderCount: 45,
    memberRiderCount: 1,
    orgForm: 'none',
  },
]

/** Fictitious platform sites, so the riders ledger shows site figures in the demo. */
export const demoPlatformSitesSeed: SeedStep = {
  name: 'demo-platform-sites',
  demo: true,
  version: '1',
  async run(trx) {
    for (const site of sites)
      await insertSite(trx, {
        platform: site.platform,
        name: site.name,
        region_code: site.regionCode,
        region_path: regionPath(site.regionCode),
        address: site.address ?? null,
        rider_count: site.riderCount ?? null,
        member_rider_count: site.memberRiderCount,
        org_form: site.orgForm,
        org_name: site.orgName ?? null,
        instructor: site.instructor ?? null,
        created_by: null,
        demo: true,
      })
  },
}
