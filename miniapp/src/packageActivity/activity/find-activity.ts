import {
  activitiesAtPlace,
  activitiesNearby,
  fetchMyActivities,
  type MemberActivity,
  type MyActivity,
} from '../../services/activities'
import { ApiError } from '../../services/http'
import type { ActivitySource, ShownActivity } from './member-source'

const fromList = (activity: MemberActivity): ShownActivity => ({ ...activity, attendedAt: null })
const fromMine = (activity: MyActivity): ShownActivity => ({
  ...activity,
  distance: null,
  openToMe: true,
})

/** The activity `id` in the list it was opened from; 404 when it is no longer there. */
export async function findActivity(id: string, source: ActivitySource): Promise<ShownActivity> {
  const mine = await fetchMyActivities().catch(() => [] as MyActivity[])
  const own = mine.find((activity) => activity.id === id)
  if (own) return fromMine(own)
  const listed =
    source.from === 'nearby'
      ? await activitiesNearby({ lat: source.lat, lng: source.lng })
      : source.from === 'place'
        ? await activitiesAtPlace(source.placeId)
        : []
  const found = listed.find((activity) => activity.id === id)
  if (found) return fromList(found)
  throw new ApiError({ code: 'not_found', message: '活动不存在或已开始', status: 404 })
}
