import {
  type BranchInfo,
  type Facility,
  type PlaceDetail,
  PlaceInput,
  type PlaceKind,
} from '@djt/shared'
import type { ZodFormOptions } from '../../forms/useZodForm'
import { weekdayNames } from '../../places/hours'
import { type HoursDraft, hoursDraftOf, newHoursDraft, toOpeningHours } from './hours-draft'

/** The form as typed: numbers stay text until saved so "26." survives. */
export interface PlaceForm {
  name: string
  kind: PlaceKind | ''
  brand: string
  address: string
  regionCode: string
  lat: string
  lng: string
  hours: HoursDraft
  facilities: Facility[]
  phone: string
  operator: string
  lastCheckedOn: string
  branch: {
    orgForm: string
    affiliation: string
    contactName: string
    contactPhone: string
    acceptsFlowMembers: boolean
  }
}

export type PlaceField =
  | Exclude<keyof PlaceForm, 'lat' | 'lng' | 'branch'>
  | 'location'
  | 'branch'
  | `branch.${keyof BranchInfo}`

export type PlaceFormErrors = Partial<Record<PlaceField, string>>

export function emptyPlaceForm(): PlaceForm {
  return {
    name: '',
    kind: '',
    brand: '',
    address: '',
    regionCode: '',
    lat: '',
    lng: '',
    hours: newHoursDraft(),
    facilities: [],
    phone: '',
    operator: '',
    lastCheckedOn: '',
    branch: {
      orgForm: 'flow_branch',
      affiliation: '',
      contactName: '',
      contactPhone: '',
      acceptsFlowMembers: true,
    },
  }
}

export function placeFormOf(place: PlaceDetail): PlaceForm {
  const empty = emptyPlaceForm()
  return {
    ...empty,
    name: place.name,
    kind: place.kind,
    brand: place.brand ?? '',
    address: place.address,
    regionCode: place.regionCode,
    lat: String(place.lat),
    lng: String(place.lng),
    hours: hoursDraftOf(place.hours),
    facilities: [...place.facilities],
    phone: place.phone ?? '',
    operator: place.operator,
    lastCheckedOn: place.lastCheckedOn ?? '',
    branch: place.branch
      ? { ...place.branch, affiliation: place.branch.affiliation ?? '' }
      : empty.branch,
  }
}

const FIX_AND_SAVE = '请按提示修改后再保存'

/** How useZodForm checks the place form: the shared PlaceInput, a day named before its range's problem. */
export const placeChecks = {
  schema: PlaceInput,
  toInput: (form: PlaceForm) => placeInputOf(form),
  fieldOf: (path: readonly PropertyKey[]) => fieldOf(path),
  say: (_field: string, message: string, form: PlaceForm, path: readonly PropertyKey[]) =>
    dayPrefix(path, form.hours) + message,
  checkMessage: FIX_AND_SAVE,
  serverCheckMessage: FIX_AND_SAVE,
  // A new place's body is the place; a correction's is `{ place }`.
  serverPrefixes: ['body.place.', 'body.'],
} satisfies Omit<ZodFormOptions<PlaceForm, PlaceInput>, 'initial'>

/** `['branch', 'contactName']` → 'branch.contactName'; hours and location as a whole. */
export function fieldOf(path: readonly PropertyKey[]): PlaceField | undefined {
  const [head, sub] = path.map(String)
  if (head === undefined) return undefined
  if (head === 'branch' && sub) return `branch.${sub}` as PlaceField
  return head as PlaceField
}

/** 周三：… for a range's problem, so the clerk knows which row to fix. */
function dayPrefix(path: readonly PropertyKey[], hours: HoursDraft): string {
  if (path[0] !== 'hours' || path[1] !== 'days' || typeof path[2] !== 'number') return ''
  return hours.sameEveryDay ? '每天：' : `${weekdayNames[path[2]] ?? ''}：`
}

/** The form as typed → the request body the shared schema checks. */
function placeInputOf(form: PlaceForm): unknown {
  const optional = (value: string) => value.trim() || undefined
  return {
    name: form.name,
    kind: form.kind || undefined,
    brand: form.kind === 'care_station' ? optional(form.brand) : undefined,
    address: form.address,
    regionCode: form.regionCode,
    location: { lat: numberOf(form.lat), lng: numberOf(form.lng) },
    hours: toOpeningHours(form.hours),
    facilities: form.facilities,
    phone: optional(form.phone),
    operator: optional(form.operator),
    lastCheckedOn: optional(form.lastCheckedOn),
    branch:
      form.kind === 'flow_branch'
        ? {
            ...form.branch,
            orgForm: optional(form.branch.orgForm),
            affiliation: optional(form.branch.affiliation),
          }
        : undefined,
  }
}

/** Blank is missing (缺少纬度); other text that is no number is reported as such. */
function numberOf(text: string): number | string | undefined {
  const trimmed = text.trim()
  if (!trimmed) return undefined
  const value = Number(trimmed)
  return Number.isFinite(value) ? value : trimmed
}
