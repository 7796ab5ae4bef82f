import { Button, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { fetchRegionChildren, type Region } from '../../services/regions'
import Sheet from '../Sheet'
import './index.scss'

// The product serves Fujian: its cities come first; 全国 goes up to every province.
const HOME_PROVINCE: Crumb = { code: '350000', name: '福建省' }

interface Crumb {
  code: string
  name: string
}

type Listing = { phase: 'loading' } | { phase: 'loaded'; items: Region[] } | { phase: 'failed' }

interface Props {
  title: string
  onPick: (code: string) => void
  onClose: () => void
}

/** Province → city → county lists; a county (or a region without children) is the answer. */
export default function RegionSheet({ title, onPick, onClose }: Props) {
  const [trail, setTrail] = useState<Crumb[]>([HOME_PROVINCE])
  const [attempt, setAttempt] = useState(0)
  const current = trail[trail.length - 1]
  const listing = useChildren(current?.code, attempt)

  const open = (region: Region) => {
    if (region.level === 'county') onPick(region.code)
    else setTrail([...trail, { code: region.code, name: region.name }])
  }

  return (
    <Sheet title={title} onClose={onClose}>
      <View className="region-sheet__trail">
        <Text className="link region-sheet__crumb" onClick={() => setTrail([])}>
          全国
        </Text>
        {trail.map((crumb, i) => (
          <Text
            key={crumb.code}
            className="link region-sheet__crumb"
            onClick={() => setTrail(trail.slice(0, i + 1))}
          >
            {crumb.name}
          </Text>
        ))}
      </View>
      {listing.phase === 'loading' && <Text className="text-secondary">正在加载…</Text>}
      {listing.phase === 'failed' && (
        <Button className="btn" onClick={() => setAttempt(attempt + 1)}>
          加载失败，重试
        </Button>
      )}
      {listing.phase === 'loaded' && listing.items.length === 0 && current && (
        <Button className="btn btn--primary" onClick={() => onPick(current.code)}>
          选择 {current.name}
        </Button>
      )}
      {listing.phase === 'loaded' &&
        listing.items.map((region) => (
          <View
            key={region.code}
            className="region-sheet__item"
            hoverClass="region-sheet__item--pressed"
            onClick={() => open(region)}
          >
            <Text>{region.name}</Text>
            {region.level !== 'county' && <Text className="text-secondary">›</Text>}
          </View>
        ))}
    </Sheet>
  )
}

function useChildren(parent: string | undefined, attempt: number): Listing {
  const [listing, setListing] = useState<Listing>({ phase: 'loading' })
  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt asks again (retry)
  useEffect(() => {
    let live = true
    setListing({ phase: 'loading' })
    fetchRegionChildren(parent).then(
      (items) => live && setListing({ phase: 'loaded', items }),
      () => live && setListing({ phase: 'failed' }),
    )
    return () => {
      live = false
    }
  }, [parent, attempt])
  return listing
}
