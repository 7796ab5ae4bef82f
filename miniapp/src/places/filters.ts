import { type Facility, facilityNames, type PlaceKind, placeKindNames } from '@djt/shared'
import type { PlaceFilters } from '../services/places'

/** What a rider looks for first: water, charging, a microwave, a toilet. */
export const keyFacilities: readonly Facility[] = ['water', 'charging', 'microwave', 'toilet']

export const riderKinds: readonly PlaceKind[] = [
  'care_station',
  'canteen',
  'flow_branch',
  'service_center',
]

export const noFilters: PlaceFilters = { kinds: [], facilities: [], openNow: false }

export type Chip =
  | { group: 'openNow' }
  | { group: 'kind'; value: PlaceKind }
  | { group: 'facility'; value: Facility }

/** Every chip in the bar, 营业中 first, with its label. */
export function chipList(): { chip: Chip; label: string }[] {
  return [
    { chip: { group: 'openNow' }, label: '营业中' },
    ...riderKinds.map((value) => ({
      chip: { group: 'kind', value } as Chip,
      label: placeKindNames[value],
    })),
    ...keyFacilities.map((value) => ({
      chip: { group: 'facility', value } as Chip,
      label: facilityNames[value],
    })),
  ]
}

export function isOn(filters: PlaceFilters, chip: Chip): boolean {
  if (chip.group === 'openNow') return filters.openNow
  if (chip.group === 'kind') return filters.kinds.includes(chip.value)
  return filters.facilities.includes(chip.value)
}

/**
 * Kinds widen the list (any of them); facilities narrow it (all of them);
 * 营业中 narrows it to places open right now.
 */
export function toggle(filters: PlaceFilters, chip: Chip): PlaceFilters {
  if (chip.group === 'openNow') return { ...filters, openNow: !filters.openNow }
  if (chip.group === 'kind') return { ...filters, kinds: flip(filters.kinds, chip.value) }
  return { ...filters, facilities: flip(filters.facilities, chip.value) }
}

export function activeCount(filters: PlaceFilters): number {
  return filters.kinds.length + filters.facilities.length + (filters.openNow ? 1 : 0)
}

function flip<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((item) => item !== value) : [...list, value]
}
