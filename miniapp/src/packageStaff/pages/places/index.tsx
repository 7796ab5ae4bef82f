import { type PlaceSummary, placeKindNames, placeStatusNames } from '@djt/shared'
import { Button, View } from '@tarojs/components'
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro'
import { useRef } from 'react'
import RegionScope, { useRouteRegion } from '../../../components/RegionScope'
import StaffOnly from '../../../components/StaffOnly'
import DeskTable from '../../../desk/DeskTable'
import type { DeskColumn } from '../../../desk/table'
import { staffPages } from '../../../routes'
import PlaceItem, { PlaceActions } from '../../places/PlaceItem'
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
      <DeskTable
        caption="辖区场所"
        list={list}
        total={null}
        columns={columns}
        keyOf={(place) => place.id}
        empty="辖区内还没有场所，可以新增或批量导入。"
        onMore={loadMore}
        onRetry={reload}
        onOpen={(place) => go(editUrl(place))()}
        actions={(place) => (
          <PlaceActions
            place={place}
            busy={busyId === place.id}
            onEdit={go(editUrl(place))}
            onStatus={(status) => void changeStatus(place, status)}
          />
        )}
        card={(place) => (
          <PlaceItem
            place={place}
            busy={busyId === place.id}
            onEdit={go(editUrl(place))}
            onStatus={(status) => void changeStatus(place, status)}
          />
        )}
      />
    </View>
  )
}

const editUrl = (place: PlaceSummary) =>
  `${staffPages.placeEdit}?id=${encodeURIComponent(place.id)}`

const columns: DeskColumn<PlaceSummary>[] = [
  { key: 'name', title: '名称', value: (p) => p.name, sortable: true, filter: 'text' },
  {
    key: 'kind',
    title: '类型',
    value: (p) => placeKindNames[p.kind],
    filter: 'choice',
    width: '9em',
  },
  { key: 'address', title: '地址', value: (p) => p.address, filter: 'text' },
  { key: 'code', title: '编码', value: (p) => p.code, width: '9em' },
  {
    key: 'status',
    title: '状态',
    value: (p) => placeStatusNames[p.status],
    filter: 'choice',
    sortable: true,
    width: '6em',
  },
]

export default withPageFrame(StaffPlacesPage)
