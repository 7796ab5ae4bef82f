import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { useMutation } from '../../hooks/useMutation'
import { usePlaceList } from '../../places/usePlaceList'
import {
  fetchJurisdictionPlaces,
  type PlaceStatus,
  type PlaceSummary,
  updatePlace,
} from '../../services/places'

/** My jurisdiction's places page by page, and suspending or reopening one. */
export function useStaffPlaces(region?: string) {
  const loader = useCallback((after?: string) => fetchJurisdictionPlaces(after, region), [region])
  const { list, reload, loadMore } = usePlaceList(loader)
  const updating = useMutation<string>({ failure: { dialog: '操作未成功' } })

  const changeStatus = async (place: PlaceSummary, status: PlaceStatus) => {
    if (status === 'suspended') {
      const { confirm } = await Taro.showModal({
        title: '暂停开放',
        content: `暂停后「${place.name}」不再出现在附近列表中，可随时恢复。`,
        confirmText: '暂停',
      })
      if (!confirm) return
    }
    const outcome = await updating.run(() => updatePlace(place.id, { status }), place.id)
    if (outcome.ok) reload()
  }
  return { list, reload, loadMore, busyId: updating.running, changeStatus }
}
