import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { usePlaceList } from '../../places/usePlaceList'
import { showFailure } from '../../profile/account-actions'
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
  const [busyId, setBusyId] = useState<string | null>(null)

  const changeStatus = async (place: PlaceSummary, status: PlaceStatus) => {
    if (status === 'suspended') {
      const { confirm } = await Taro.showModal({
        title: '暂停开放',
        content: `暂停后「${place.name}」不再出现在附近列表中，可随时恢复。`,
        confirmText: '暂停',
      })
      if (!confirm) return
    }
    setBusyId(place.id)
    try {
      await updatePlace(place.id, { status })
      reload()
    } catch (error) {
      await showFailure('操作未成功', error)
    } finally {
      setBusyId(null)
    }
  }
  return { list, reload, loadMore, busyId, changeStatus }
}
