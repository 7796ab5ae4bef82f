import { Button, Text, View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { withPageFrame } from '../../../components/PageFrame'
import SelectField from '../../../components/SelectField'
import { PageNotice } from '../../../components/StaffOnly'
import { honourTitle } from '../../../honours/summary'
import { usePagedList } from '../../../hooks/usePagedList'
import { fetchPublicHonours, type PublicHonour } from '../../../services/honours'
import { publicByline } from '../../honours/summary'
import '../../honours/honours.scss'

interface Facets {
  years: number[]
  cities: { code: string; name: string }[]
}

const ALL = 'all'

/** 最美骑手榜: the honours riders agreed to show, by year and city; no sign-in needed. */
function PublicHonoursPage() {
  const [year, setYear] = useState(ALL)
  const [city, setCity] = useState(ALL)
  const loader = useCallback(
    async (after?: string) => {
      const filter = {
        year: year === ALL ? undefined : Number(year),
        city: city === ALL ? undefined : city,
      }
      const page = await fetchPublicHonours(filter, after)
      return {
        items: page.items,
        next: page.next,
        about: { years: page.years, cities: page.cities },
      }
    },
    [year, city],
  )
  const { list, reload, loadMore } = usePagedList<PublicHonour, Facets>(loader)
  useReachBottom(loadMore)
  const years = [
    { value: ALL, label: '全部年度' },
    ...(list.about?.years ?? []).map((y) => ({ value: String(y), label: `${y}年` })),
  ]
  const cities = [
    { value: ALL, label: '全部城市' },
    ...(list.about?.cities ?? []).map((c) => ({ value: c.code, label: c.name })),
  ]
  return (
    <View className="page honours">
      <View className="honours__filters">
        <SelectField label="年度" options={years} value={year} onChange={setYear} />
        <SelectField label="城市" options={cities} value={city} onChange={setCity} />
      </View>
      {list.phase === 'loading' && <PageNotice text="正在加载…" />}
      {list.phase === 'failed' && <PageNotice text={list.problem ?? '加载失败'} onRetry={reload} />}
      {list.phase === 'ready' && list.items.length === 0 && (
        <PageNotice text="这里还没有公开的最美骑手。" />
      )}
      {list.items.map((honour) => (
        <View key={honour.id} className="card honour-card">
          <Text className="honour-card__title">{honourTitle(honour)}</Text>
          <Text className="honour-card__line">{publicByline(honour)}</Text>
          <Text className="honour-card__citation">{honour.citation}</Text>
        </View>
      ))}
      {list.next && (
        <Button className="btn" hoverClass="btn--pressed" onClick={loadMore}>
          加载更多
        </Button>
      )}
    </View>
  )
}

export default withPageFrame(PublicHonoursPage)
