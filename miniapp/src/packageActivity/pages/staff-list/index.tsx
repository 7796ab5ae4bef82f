import {
  type Activity,
  type ActivityState,
  activityKindNames,
  activityStateNames,
} from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { withPageFrame } from '../../../components/PageFrame'
import RegionScope, { useRouteRegion } from '../../../components/RegionScope'
import StaffOnly from '../../../components/StaffOnly'
import Tabs from '../../../components/Tabs'
import DeskSplit from '../../../desk/DeskSplit'
import DeskTable from '../../../desk/DeskTable'
import type { DeskColumn } from '../../../desk/table'
import { useDeskLayout } from '../../../desk/useDeskLayout'
import { usePagedList } from '../../../hooks/usePagedList'
import { activityPages } from '../../../routes'
import { fetchStaffActivities } from '../../../services/activities'
import StaffActivityPanel from '../../activity/StaffActivityPanel'
import { seatsText, stateText, venueName } from '../../activity/summary'
import { timeSpan } from '../../activity/when'
import '../../activity/activity.scss'

// Upcoming first, then the record of those held, then the cancelled.
const tabs = (['published', 'closed', 'cancelled'] as const).map((state) => ({
  key: state,
  label: activityStateNames[state],
}))

/** 组织生活: my jurisdiction's activities by state, latest start first. */
function StaffActivitiesPage() {
  return (
    <StaffOnly>
      <StaffActivities />
    </StaffOnly>
  )
}

function StaffActivities() {
  const region = useRouteRegion()
  const [state, setState] = useState<ActivityState>('published')
  const loader = useCallback(
    async (after?: string) => {
      const page = await fetchStaffActivities(after, region, state)
      return { items: page.items, next: page.next, about: page.total }
    },
    [region, state],
  )
  const { list, reload, loadMore } = usePagedList<Activity, number>(loader)
  const shown = useRef(false)
  // Back from an activity or the form: it may have changed there.
  useDidShow(() => {
    if (shown.current) reload()
    shown.current = true
  })
  useReachBottom(loadMore)
  // At the desk the activity opens beside the list; on a phone, as its own page.
  const desk = useDeskLayout()
  const [chosen, setChosen] = useState<Activity | null>(null)
  const open = (activity: Activity) =>
    desk
      ? setChosen(activity)
      : Taro.navigateTo({
          url: `${activityPages.staffDetail}?id=${encodeURIComponent(activity.id)}`,
        })
  return (
    <View className="page activities">
      <RegionScope region={region} />
      <Button
        className="btn btn--primary activities__publish"
        hoverClass="btn--pressed"
        onClick={() => Taro.navigateTo({ url: activityPages.staffEdit })}
      >
        发布活动
      </Button>
      <Tabs
        tabs={tabs}
        current={state}
        onChange={(next) => {
          setChosen(null)
          setState(next)
        }}
      />
      <DeskSplit
        title="活动详情"
        detail={
          desk && chosen ? (
            <StaffActivityPanel key={chosen.id} id={chosen.id} onChanged={reload} />
          ) : null
        }
        onClose={() => setChosen(null)}
      >
        <DeskTable
          caption={`${activityStateNames[state]}的活动`}
          list={list}
          total={list.about ?? null}
          columns={columns}
          keyOf={(activity) => activity.id}
          empty="没有这一类的活动。"
          onMore={loadMore}
          onRetry={reload}
          onOpen={open}
          shownBeside={chosen?.id ?? null}
          card={(activity) => <ActivityCard activity={activity} onOpen={() => open(activity)} />}
        />
      </DeskSplit>
    </View>
  )
}

function ActivityCard({ activity, onOpen }: { activity: Activity; onOpen: () => void }) {
  return (
    <View className="card activity-card" hoverClass="activity-card--pressed" onClick={onOpen}>
      <Text className="activity-card__title">{activity.title}</Text>
      <Text className="activity-card__line">
        {activityKindNames[activity.kind]} · {timeSpan(activity.startsAt, activity.endsAt)}
      </Text>
      <Text className="activity-card__line text-secondary">
        {venueName(activity)} · {seatsText(activity)} · {stateText(activity)}
      </Text>
    </View>
  )
}

const columns: DeskColumn<Activity>[] = [
  { key: 'title', title: '活动名称', value: (a) => a.title, sortable: true, filter: 'text' },
  {
    key: 'kind',
    title: '类型',
    value: (a) => activityKindNames[a.kind],
    filter: 'choice',
    width: '8em',
  },
  {
    key: 'time',
    title: '时间',
    value: (a) => a.startsAt,
    render: (a) => timeSpan(a.startsAt, a.endsAt),
    sortable: true,
    width: '13em',
  },
  { key: 'venue', title: '地点', value: venueName, filter: 'text', secondary: true },
  {
    key: 'seats',
    title: '报名',
    value: (a) => a.signedUp,
    render: (a) => `${a.signedUp}/${a.capacity}`,
    sortable: true,
    width: '6em',
  },
  { key: 'state', title: '状态', value: stateText, width: '8em' },
]

export default withPageFrame(StaffActivitiesPage)
