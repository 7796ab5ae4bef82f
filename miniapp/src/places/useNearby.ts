import Taro from '@tarojs/taro'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { type PlaceFilters, type Point, placesNearby, searchPlaces } from '../services/places'
import { noFilters } from './filters'
import { locate } from './locate'
import { type AskNearby, firstNearbyPage, nextNearbyPage } from './reach'
import { type PageLoader, usePlaceList } from './usePlaceList'

export type Where =
  | { phase: 'locating' }
  | { phase: 'located'; point: Point }
  /** No position (refused, switched off, or the rider chose to search): county and keyword. */
  | { phase: 'search'; message: string; denied: boolean }

export interface Search {
  region: string
  q: string
}

/** Where the rider is (or what they searched), the chips, and the places that fit. */
export function useNearby() {
  const [where, setWhere] = useState<Where>({ phase: 'locating' })
  const [filters, setFilters] = useState<PlaceFilters>(noFilters)
  const [search, setSearch] = useState<Search | null>(null)

  const relocate = useCallback(async () => {
    setWhere({ phase: 'locating' })
    const located = await locate()
    setWhere(
      located.ok
        ? { phase: 'located', point: located.point }
        : { phase: 'search', message: located.message, denied: located.denied },
    )
  }, [])

  useEffect(() => {
    void relocate()
  }, [relocate])

  const loader = useMemo<PageLoader | null>(() => {
    if (where.phase === 'located') {
      const ask: AskNearby = (reach, after) => placesNearby(where.point, filters, reach, after)
      return (after) => (after ? nextNearbyPage(ask, after) : firstNearbyPage(ask))
    }
    if (where.phase === 'search' && search) return (after) => searchPlaces(search, filters, after)
    return null
  }, [where, filters, search])
  const { list, reload, loadMore } = usePlaceList(loader)

  // WeChat does not ask twice: after a refusal only its settings page turns location on.
  const retryLocation = async () => {
    if (process.env.TARO_ENV === 'weapp' && where.phase === 'search' && where.denied) {
      await Taro.openSetting().catch(() => undefined)
    }
    await relocate()
  }
  const clearFilters = () => setFilters(noFilters)
  const searchByHand = () =>
    setWhere({ phase: 'search', message: '按区县和关键词查找服务点。', denied: false })

  return {
    where,
    filters,
    setFilters,
    clearFilters,
    search,
    setSearch,
    list,
    reload,
    loadMore,
    retryLocation,
    searchByHand,
  }
}
