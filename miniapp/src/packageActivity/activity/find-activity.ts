import { fetchMemberActivity } from '../../services/activities'
import type { ActivitySource, ShownActivity } from './member-source'

/** The activity `id`, with the distance from the point 附近 opened it at. */
export function findActivity(id: string, source: ActivitySource): Promise<ShownActivity> {
  return fetchMemberActivity(
    id,
    source.from === 'nearby' ? { lat: source.lat, lng: source.lng } : undefined,
  )
}
