import { Text, View } from '@tarojs/components'
import Taro, { useReachBottom } from '@tarojs/taro'
import { useState } from 'react'
import DemoBanner from '../../components/DemoBanner'
import { withPageFrame } from '../../components/PageFrame'
import PrivacySheet from '../../components/PrivacySheet'
import ServiceStatusCard from '../../components/ServiceStatusCard'
import { useServiceStatus } from '../../hooks/useServiceStatus'
import FilterBar from '../../places/FilterBar'
import { activeCount } from '../../places/filters'
import PlaceList from '../../places/PlaceList'
import PlaceMap from '../../places/PlaceMap'
import { coverageText } from '../../places/reach'
import SearchPanel from '../../places/SearchPanel'
import { useNearby } from '../../places/useNearby'
import { activityPages, placePages } from '../../routes'
import type { PlaceSummary } from '../../services/places'
import './index.scss'

// Taro's H5 map needs Baidu's SDK from the internet (and Baidu's own coordinates): H5
// shows the list only; the mini-program can switch to WeChat's map.

/** 附近 (home): care stations, canteens and branches nearest first, filtered, list or map. */
function NearbyPage() {
  const service = useServiceStatus()
  const nearby = useNearby()
  const [view, setView] = useState<'list' | 'map'>('list')
  const { where, list } = nearby
  const mapAvailable = process.env.TARO_ENV !== 'h5'
  useReachBottom(nearby.loadMore)

  const demo = service.state.phase === 'loaded' && service.state.status.demo
  const serviceDown =
    service.state.phase === 'failed' ||
    (service.state.phase === 'loaded' && !service.state.status.ready)
  // The distance goes along: the detail page says it without asking for the position again.
  const open = (place: PlaceSummary) => {
    const distance = place.distanceMeters === undefined ? '' : `&distance=${place.distanceMeters}`
    Taro.navigateTo({ url: `${placePages.detail}?id=${encodeURIComponent(place.id)}${distance}` })
  }

  return (
    <View className="page nearby">
      {demo && <DemoBanner />}
      {serviceDown && <ServiceStatusCard state={service.state} onRetry={service.reload} />}
      <FilterBar filters={nearby.filters} onChange={nearby.setFilters} />
      {where.phase === 'locating' && (
        <View className="card">
          <Text className="text-secondary">正在获取你的位置…</Text>
        </View>
      )}
      {where.phase === 'search' && (
        <SearchPanel
          message={where.message}
          onRetryLocation={nearby.retryLocation}
          onSearch={nearby.setSearch}
        />
      )}
      {where.phase === 'located' && (
        <View className="nearby__bar">
          <Text className="text-secondary nearby__bar-text">{coverageText(list.about)}</Text>
          <Text className="link nearby__bar-action" onClick={nearby.searchByHand}>
            按区县查找
          </Text>
          {/* The point goes along: the activities page does not ask for the position again. */}
          <Text
            className="link nearby__bar-action"
            onClick={() =>
              Taro.navigateTo({
                url: `${activityPages.nearby}?lat=${where.point.lat}&lng=${where.point.lng}`,
              })
            }
          >
            组织生活
          </Text>
          {mapAvailable && (
            <Text
              className="link nearby__bar-action"
              onClick={() => setView(view === 'list' ? 'map' : 'list')}
            >
              {view === 'list' ? '地图' : '列表'}
            </Text>
          )}
        </View>
      )}
      {mapAvailable && view === 'map' && where.phase === 'located' ? (
        <PlaceMap me={where.point} items={list.items} onOpen={open} />
      ) : (
        <PlaceList
          list={list}
          filtered={activeCount(nearby.filters) > 0}
          onOpen={open}
          onMore={nearby.loadMore}
          onRetry={nearby.reload}
          onClearFilters={nearby.clearFilters}
        />
      )}
      {/* Ready: one quiet line at the foot; the rider's list keeps the top of the screen. */}
      {!serviceDown && service.state.phase === 'loaded' && (
        <Text className="nearby__service text-secondary">服务就绪</Text>
      )}
      <PrivacySheet />
    </View>
  )
}

// The banner sits inside the page's own frame, above the service status.
export default withPageFrame(NearbyPage, { ownBanner: true })
