import { useRemote } from '../../hooks/useRemote'
import { placeTarget } from '../../places/scene'
import { ApiError } from '../../services/http'
import { fetchPlace, fetchPlaceByCode, type PlaceDetail } from '../../services/places'

/** The place named by `?id=` or by a plaque's `?scene=`; a page's query never changes. */
export function usePlace(params: Record<string, string | undefined>) {
  return useRemote((): Promise<PlaceDetail> => {
    const target = placeTarget(params)
    if (!target) return Promise.reject(notFound())
    return target.by === 'id' ? fetchPlace(target.id) : fetchPlaceByCode(target.code)
  })
}

function notFound(): ApiError {
  return new ApiError({
    code: 'not_found',
    message: '没有找到这个服务点，请从附近列表重新打开。',
    status: 404,
  })
}
