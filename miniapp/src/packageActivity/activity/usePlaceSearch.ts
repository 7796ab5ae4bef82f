import { useEffect, useRef, useState } from 'react'
import { fetchJurisdictionPlaces, type PlaceSummary } from '../../services/places'

const PAUSE_MS = 300

/**
 * The jurisdiction's places by a name typed into a search box: the first page comes with
 * the page, a keyword asks the server (after a pause in typing; a late answer to an older
 * keyword is dropped). Every place seen stays known, so a choice keeps its name when the
 * keyword changes.
 */
export function usePlaceSearch(firstPage: readonly PlaceSummary[]) {
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<readonly PlaceSummary[]>(firstPage)
  const [problem, setProblem] = useState<string | null>(null)
  const seen = useRef(new Map<string, PlaceSummary>())
  for (const place of found) seen.current.set(place.id, place)
  const latest = useRef(0)
  useEffect(() => {
    const keyword = query.trim()
    const asked = ++latest.current
    if (!keyword) {
      setFound(firstPage)
      setProblem(null)
      return
    }
    const timer = setTimeout(() => {
      fetchJurisdictionPlaces(undefined, undefined, keyword).then(
        (page) => {
          if (asked !== latest.current) return
          setFound(page.items)
          setProblem(page.items.length === 0 ? `没有名称含“${keyword}”的场所` : null)
        },
        () => asked === latest.current && setProblem('查找失败，请稍后重试'),
      )
    }, PAUSE_MS)
    return () => clearTimeout(timer)
  }, [query, firstPage])
  return { query, setQuery, found, problem, known: (id: string) => seen.current.get(id) }
}
