import type { OpeningHours, OpeningRange, PlaceInput } from '@djt/shared'
import { regionPath } from '@djt/shared'
import type { SeedStep } from '../seed/seed.ts'
import { insertPlace, placeColumns, replaceHours } from './places.repository.ts'
import { freshPlaceCode } from './places.service.ts'

const always: OpeningHours = { always: true, days: [[], [], [], [], [], [], []] }
/** The same ranges on each day from `first` to `last` (0 = Monday). */
function week(ranges: [string, string][], first = 0, last = 6): OpeningHours {
  const day: OpeningRange[] = ranges.map(([open, close]) => ({ open, close }))
  return {
    always: false,
    days: [0, 1, 2, 3, 4, 5, 6].map((d) => (d >= first && d <= last ? day : [])),
  }
}

type Demo = Omit<PlaceInput, 'location' | 'regionCode' | 'operator'> &
  Partial<Pick<PlaceInput, 'operator'>> & { at: [number, number] }

const branch = (name: string) => ({
  orgForm: 'flow_branch' as const,
  affiliation: name,
  contactName: '林书记',
  contactPhone: '0591-87000000',
  acceptsFlowMembers: true,
})

/** Around 东街口 (26.0865, 119.2965); 东街口爱心驿站 is the nearest, some 150 m north. */
const gulou: Demo[] = [
  {
    name: '东街口爱心驿站',
    kind: 'care_station',
    brand: 'love_station',
    address: '福州市鼓楼区东街口百货大楼旁',
    at: [26.08785, 119.2965],
    hours: always,
    facilities: ['water', 'microwave', 'charging', 'seats', 'toilet', 'phone_charging'],
    operator: 'union',
    phone: '0591-87110001',
  },
  {
    name: '南街骑手之家',
    kind: 'care_station',
    brand: 'rider_home',
    address: '福州市鼓楼区南街88号',
    at: [26.084, 119.295],
    hours: week([['08:00', '22:00']]),
    facilities: ['water', 'microwave', 'seats', 'wifi'],
    operator: 'platform',
  },
  {
    name: '三坊七巷爱心食堂',
    kind: 'canteen',
    address: '福州市鼓楼区南后街12号',
    at: [26.0835, 119.292],
    hours: week([
      ['11:00', '13:30'],
      ['17:00', '19:30'],
    ]),
    facilities: ['seats', 'air_conditioning', 'water'],
  },
  {
    name: '鼓楼区新就业群体流动党员党支部',
    kind: 'flow_branch',
    address: '福州市鼓楼区东街街道党群服务中心三楼',
    at: [26.09, 119.299],
    hours: week([['09:00', '17:30']], 0, 4),
    facilities: ['seats', 'water'],
    branch: branch('鼓楼区东街街道'),
    operator: 'community',
  },
  {
    name: '鼓楼区市场监管所党建工作指导站',
    kind: 'guidance_station',
    address: '福州市鼓楼区八一七北路68号',
    at: [26.089, 119.301],
    hours: week(
      [
        ['08:30', '12:00'],
        ['14:30', '17:30'],
      ],
      0,
      4,
    ),
    facilities: ['seats'],
    operator: 'bureau',
  },
  {
    name: '东街街道党群服务中心',
    kind: 'service_center',
    address: '福州市鼓楼区东街街道办事处一楼',
    at: [26.088, 119.303],
    hours: week([['08:00', '21:00']]),
    facilities: ['water', 'toilet', 'seats', 'first_aid', 'medicine', 'wifi'],
    operator: 'community',
  },
  {
    name: '温泉工会驿站',
    kind: 'care_station',
    brand: 'union_station',
    address: '福州市鼓楼区温泉路23号',
    at: [26.092, 119.305],
    hours: always,
    facilities: ['water', 'toilet', 'charging', 'battery_swap'],
    operator: 'union',
  },
  {
    name: '五四路夜间爱心驿站',
    kind: 'care_station',
    brand: 'love_station',
    address: '福州市鼓楼区五四路158号',
    at: [26.095, 119.3],
    hours: week([['22:00', '02:00']]),
    facilities: ['water', 'microwave', 'phone_charging', 'repair_kit'],
    operator: 'platform',
  },
  {
    name: '屏山爱心驿站',
    kind: 'care_station',
    brand: 'love_station',
    address: '福州市鼓楼区屏山路6号',
    at: [26.098, 119.293],
    hours: week([['07:00', '23:00']]),
    facilities: ['water', 'umbrella', 'seats'],
    operator: 'community',
  },
  {
    name: '西湖骑手之家',
    kind: 'care_station',
    brand: 'rider_home',
    address: '福州市鼓楼区湖滨路西湖公园东门',
    at: [26.093, 119.285],
    hours: always,
    facilities: ['water', 'charging', 'toilet', 'air_conditioning'],
    operator: 'platform',
  },
  {
    name: '杨桥路爱心食堂',
    kind: 'canteen',
    address: '福州市鼓楼区杨桥中路200号',
    at: [26.083, 119.285],
    hours: week([
      ['10:30', '14:00'],
      ['16:30', '20:00'],
    ]),
    facilities: ['seats', 'microwave'],
    operator: 'community',
  },
  {
    name: '安泰爱心驿站',
    kind: 'care_station',
    brand: 'love_station',
    address: '福州市鼓楼区安泰街道吉庇路',
    at: [26.081, 119.299],
    hours: week([['09:00', '21:00']], 0, 5),
    facilities: ['water', 'first_aid', 'repair_kit'],
    operator: 'union',
    phone: '0591-87110013',
  },
]

/** Around 中山路 in 厦门思明区. */
const siming: Demo[] = [
  {
    name: '中山路爱心驿站',
    kind: 'care_station',
    brand: 'love_station',
    address: '厦门市思明区中山路200号',
    at: [24.456, 118.082],
    hours: always,
    facilities: ['water', 'charging', 'toilet'],
    operator: 'union',
  },
  {
    name: '思明区骑手爱心食堂',
    kind: 'canteen',
    address: '厦门市思明区思明南路66号',
    at: [24.452, 118.087],
    hours: week([
      ['11:00', '14:00'],
      ['17:00', '20:00'],
    ]),
    facilities: ['seats', 'microwave'],
    operator: 'community',
  },
  {
    name: '思明区快递外卖流动党员党支部',
    kind: 'flow_branch',
    address: '厦门市思明区中华街道党群服务中心',
    at: [24.458, 118.085],
    hours: week([['09:00', '18:00']], 0, 4),
    facilities: ['seats', 'water', 'wifi'],
    branch: branch('思明区中华街道'),
    operator: 'community',
  },
]

/** Fictitious stations, canteens and branches, so the map and the lists show something. */
export const demoPlacesSeed: SeedStep = {
  name: 'demo-places',
  demo: true,
  version: '1',
  async run(trx) {
    for (const [regionCode, places] of [
      ['350102', gulou],
      ['350203', siming],
    ] as const)
      for (const { at, ...demo } of places) {
        const place: PlaceInput = {
          operator: 'other',
          ...demo,
          regionCode,
          location: { lat: at[0], lng: at[1] },
        }
        const id = await insertPlace(trx, {
          ...placeColumns(place, regionPath(regionCode)),
          code: await freshPlaceCode(trx),
          created_by: null,
          demo: true,
        })
        await replaceHours(trx, id, place.hours)
      }
  },
}
