import {
  DifficultyCategory,
  type DifficultyHotspots,
  type DifficultyState,
  difficultyCategoryNames,
  HOTSPOT_RADIUS_M,
} from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { withPageFrame } from '../../../components/PageFrame'
import RegionScope, { useRouteRegion } from '../../../components/RegionScope'
import StaffOnly from '../../../components/StaffOnly'
import Tabs from '../../../components/Tabs'
import { useDeskLayout } from '../../../desk/useDeskLayout'
import { useRemote } from '../../../hooks/useRemote'
import { voicePages } from '../../../routes'
import { fetchDifficultyHotspots } from '../../../services/difficulties'
import { spotPositions } from '../../voice/hotspot-map'
import '../../voice/voice.scss'

type Shown = DifficultyState | 'all'
const tabs: readonly { key: Shown; label: string }[] = [
  { key: 'open', label: '办理中' },
  { key: 'closed', label: '已办结' },
  { key: 'all', label: '全部' },
]
const categoryTabs: readonly { key: DifficultyCategory | 'all'; label: string }[] = [
  { key: 'all', label: '全部类别' },
  ...DifficultyCategory.options.map((key) => ({ key, label: difficultyCategoryNames[key] })),
]

/**
 * 诉求热点: per county and category, open and closed; for a county, the places where
 * difficulties repeat (within 200 m of one another), on a list and a simple map. Every
 * figure opens the list of the difficulties it counts.
 */
function HotspotsPage() {
  return (
    <StaffOnly>
      <Hotspots />
    </StaffOnly>
  )
}

function listUrl(filters: Record<string, string | undefined>) {
  const query = Object.entries(filters)
    .filter((entry): entry is [string, string] => Boolean(entry[1]))
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&')
  return `${voicePages.staffList}?${query}`
}

function Hotspots() {
  const region = useRouteRegion()
  const [state, setState] = useState<Shown>('open')
  const [category, setCategory] = useState<DifficultyCategory | 'all'>('all')
  const filters = {
    region,
    state: state === 'all' ? undefined : state,
    category: category === 'all' ? undefined : category,
  }
  const { state: remote, reload } = useRemote(() => fetchDifficultyHotspots(filters))
  // A filter changed: ask again (useRemote asked once already on the first render).
  const asked = useRef(`${region}|${state}|${category}`)
  useEffect(() => {
    const now = `${region}|${state}|${category}`
    if (asked.current === now) return
    asked.current = now
    reload()
  }, [region, state, category, reload])
  const open = (narrowing: Record<string, string | undefined>) =>
    Taro.navigateTo({
      url: listUrl({ state: filters.state ?? 'all', category: filters.category, ...narrowing }),
    })
  return (
    <View className="page voice">
      <RegionScope region={region} />
      <Tabs tabs={tabs} current={state} onChange={setState} />
      <Tabs tabs={categoryTabs} current={category} onChange={setCategory} />
      {remote.phase === 'loading' && <Text className="text-secondary">正在加载…</Text>}
      {remote.phase === 'failed' && (
        <View className="card">
          <Text className="voice-form__error">{remote.error.message}</Text>
          <Button onClick={reload}>重试</Button>
        </View>
      )}
      {remote.phase === 'loaded' && <Loaded data={remote.value} shown={state} open={open} />}
    </View>
  )
}

function Loaded({
  data,
  shown,
  open,
}: {
  data: DifficultyHotspots
  shown: Shown
  open: (narrowing: Record<string, string | undefined>) => void
}) {
  const desk = useDeskLayout()
  const figure = (count: number, narrowing: Record<string, string | undefined>) =>
    count > 0 ? (
      <Text className="hotspots__figure" onClick={() => open(narrowing)}>
        {`${count}`}
      </Text>
    ) : (
      <Text className="text-secondary">0</Text>
    )
  const states = shown === 'all' ? (['open', 'closed'] as const) : [shown]
  const label = { open: '办理中', closed: '已办结' } as const
  return (
    <View>
      <View className="card">
        <Text className="card__title">
          {data.region.level === 'county'
            ? `${data.region.name}的诉求`
            : `${data.region.name}各区县的诉求`}
        </Text>
        {data.counties.length === 0 && <Text className="text-secondary">没有诉求。</Text>}
        {data.counties.map((county) => (
          <View key={county.regionCode}>
            <View className="hotspots__row">
              <Text className="hotspots__name">{county.regionName}</Text>
              {states.map((state) => (
                <View key={state}>
                  <Text className="text-secondary">{`${label[state]} `}</Text>
                  {figure(county[state], { region: county.regionCode, state })}
                </View>
              ))}
            </View>
            {county.byCategory
              .filter((row) => row.open + row.closed > 0)
              .map((row) => (
                <View key={row.category} className="hotspots__row">
                  <Text className="hotspots__name text-secondary">{`　${row.label}`}</Text>
                  {states.map((state) => (
                    <View key={state}>
                      {figure(row[state], {
                        region: county.regionCode,
                        state,
                        category: row.category,
                      })}
                    </View>
                  ))}
                </View>
              ))}
          </View>
        ))}
      </View>
      {data.spots === null ? (
        <Text className="text-secondary">选择一个区县，查看诉求集中的地点。</Text>
      ) : (
        <View className="card">
          <Text className="card__title">{`诉求集中的地点（${HOTSPOT_RADIUS_M}米内两件以上）`}</Text>
          <Text className="text-secondary">
            {`有地点的诉求 ${data.located} 件，未选地点的 ${data.unlocated} 件。`}
          </Text>
          {data.spots.length === 0 && <Text className="text-secondary">没有重复的地点。</Text>}
          {desk && data.spots.length > 0 && (
            <View className="hotspots__map" aria-label="热点分布示意图">
              {spotPositions(data.spots).map(({ spot, left, top }) => (
                <View
                  key={spot.id}
                  className="hotspots__dot"
                  style={{ left: `${left}%`, top: `${top}%` }}
                  onClick={() =>
                    open({ region: data.region.code, near: spot.id, place: spot.name })
                  }
                >
                  <Text>{`${spot.total}`}</Text>
                </View>
              ))}
            </View>
          )}
          {data.spots.map((spot) => (
            <View
              key={spot.id}
              className="hotspots__row"
              onClick={() => open({ region: data.region.code, near: spot.id, place: spot.name })}
            >
              <View className="hotspots__name">
                <Text className="voice-card__title">{spot.name}</Text>
                <Text className="voice-card__line text-secondary">
                  {spot.byCategory.map((row) => `${row.label} ${row.count}`).join('，')}
                </Text>
              </View>
              <Text className="hotspots__figure">{`${spot.total} 件`}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}

export default withPageFrame(HotspotsPage)
