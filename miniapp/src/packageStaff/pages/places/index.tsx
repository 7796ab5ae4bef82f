import { Button, View } from '@tarojs/components'
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro'
import { useRef } from 'react'
import RegionScope, { useRouteRegion } from '../../../components/RegionScope'
import StaffOnly, { PageNotice } from '../../../components/StaffOnly'
import PlaceList from '../../../places/PlaceList'
import { staffPages } from '../../../routes'
import PlaceItem from '../../places/PlaceItem'
import { useStaffPlaces } from '../../places/useStaffPlaces'
import './index.scss'
import { withPageFrame } from '../../../components/PageFrame'

/** 场所管理: my jurisdiction's stations and branches, suspended ones too. */
function StaffPlacesPage() {
  return (
    <StaffOnly>
      <StaffPlaces />
    </StaffOnly>
  )
}

function StaffPlaces() {
  const region = useRouteRegion()
  const { list, reload, loadMore, busyId, changeStatus } = useStaffPlaces(region)
  const shown = useRef(false)
  // Back from the form: the place may have changed there.
  useDidShow(() => {
    if (shown.current) reload()
    shown.current = true
  })
  useReachBottom(loadMore)
  const go = (url: string) => () => Taro.navigateTo({ url })

  return (
    <View className="page staff-places">
      <RegionScope region={region} />
      <View className="staff-places__tools">
        <Button
          className="btn btn--primary"
          hoverClass="btn--pressed"
          onClick={go(staffPages.placeEdit)}
        >
          新增场所
        </Button>
        <Button className="btn" hoverClass="btn--pressed" onClick={go(staffPages.placeImport)}>
          批量导入
        </Button>
        <Button className="btn" hoverClass="btn--pressed" onClick={go(staffPages.checkins)}>
          报到审核
        </Button>
      </View>
      {list.phase === 'ready' && list.items.length === 0 && (
        <PageNotice text="辖区内还没有场所，可以新增或批量导入。" />
      )}
      {list.phase === 'failed' || list.phase === 'loading' ? (
        <PlaceList list={list} onOpen={() => undefined} onMore={loadMore} onRetry={reload} />
      ) : (
        list.items.map((place) => (
          <PlaceItem
            key={place.id}
            place={place}
            busy={busyId === place.id}
            onEdit={go(`${staffPages.placeEdit}?id=${encodeURIComponent(place.id)}`)}
            onStatus={(status) => void changeStatus(place, status)}
          />
        ))
      )}
      {list.next && (
        <Button className="btn" hoverClass="btn--pressed" onClick={loadMore}>
          {list.phase === 'more' ? '正在加载…' : '加载更多'}
        </Button>
      )}
    </View>
  )
}

export default withPageFrame(StaffPlacesPage)
