import { chinaDate, honourStateNames } from '@djt/shared'
import { Button, View } from '@tarojs/components'
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { withPageFrame } from '../../../components/PageFrame'
import RegionScope, { useRouteRegion } from '../../../components/RegionScope'
import StaffOnly, { PageNotice } from '../../../components/StaffOnly'
import DeskSplit from '../../../desk/DeskSplit'
import DeskTable from '../../../desk/DeskTable'
import type { DeskColumn } from '../../../desk/table'
import { useDeskLayout } from '../../../desk/useDeskLayout'
import { usePagedList } from '../../../hooks/usePagedList'
import { useCurrentUser } from '../../../hooks/useSession'
import { honourPages } from '../../../routes'
import { fetchStaffHonours, type StaffHonour } from '../../../services/honours'
import StaffHonourPanel from '../../honours/StaffHonourPanel'
import '../../honours/honours.scss'

/** 最美骑手 for staff: the jurisdiction's nominations, newest first; 推荐骑手 and 撤销. */
function StaffHonoursPage() {
  const user = useCurrentUser()
  return (
    <StaffOnly>
      {user?.staff?.level === 'station' ? (
        <View className="page">
          <PageNotice text="最美骑手由区县及以上市场监管部门工作人员推荐。" />
        </View>
      ) : (
        <StaffHonours />
      )}
    </StaffOnly>
  )
}

function StaffHonours() {
  const region = useRouteRegion()
  const loader = useCallback(
    async (after?: string) => {
      const page = await fetchStaffHonours(after, { region })
      return { items: page.items, next: page.next, about: page.total }
    },
    [region],
  )
  const { list, reload, loadMore } = usePagedList<StaffHonour, number>(loader)
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) reload()
    shown.current = true
  })
  useReachBottom(loadMore)
  // At the desk a nomination opens beside the table; on a phone each card holds its actions.
  const desk = useDeskLayout()
  const [chosen, setChosen] = useState<StaffHonour | null>(null)
  return (
    <View className="page honours">
      <RegionScope region={region} />
      <Button
        className="btn btn--primary honours__top"
        hoverClass="btn--pressed"
        onClick={() => Taro.navigateTo({ url: honourPages.nominate })}
      >
        推荐最美骑手
      </Button>
      <DeskSplit
        title="荣誉详情"
        detail={
          desk && chosen ? (
            <StaffHonourPanel
              key={chosen.id}
              honour={chosen}
              onChanged={(honour) => {
                setChosen(honour)
                reload()
              }}
            />
          ) : null
        }
        onClose={() => setChosen(null)}
      >
        <DeskTable
          caption="本辖区的最美骑手推荐"
          list={list}
          total={list.about ?? null}
          columns={columns}
          keyOf={(honour) => honour.id}
          empty="还没有推荐过最美骑手。"
          onMore={loadMore}
          onRetry={reload}
          onOpen={setChosen}
          shownBeside={chosen?.id ?? null}
          card={(honour) => <StaffHonourPanel honour={honour} onChanged={reload} />}
        />
      </DeskSplit>
    </View>
  )
}

const columns: DeskColumn<StaffHonour>[] = [
  { key: 'rider', title: '骑手', value: (h) => h.riderName, filter: 'text', width: '7em' },
  { key: 'year', title: '年度', value: (h) => h.year, sortable: true, width: '5em' },
  { key: 'city', title: '设区市', value: (h) => h.cityName, filter: 'choice', width: '6em' },
  { key: 'region', title: '区县', value: (h) => h.regionName, filter: 'choice', width: '6em' },
  { key: 'citation', title: '推荐事迹', value: (h) => h.citation, secondary: true },
  {
    key: 'state',
    title: '状态',
    value: (h) => honourStateNames[h.state],
    filter: 'choice',
    width: '7em',
  },
  {
    key: 'at',
    title: '推荐时间',
    value: (h) => h.nominatedAt,
    render: (h) => chinaDate(h.nominatedAt),
    sortable: true,
    width: '7em',
  },
]

export default withPageFrame(StaffHonoursPage)
