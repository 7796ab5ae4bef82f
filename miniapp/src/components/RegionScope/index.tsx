import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useRegionName } from '../../hooks/useRegionName'
import './index.scss'

/**
 * The region a ledger figure named (`?region=` in the page's URL): the list shows only its
 * records. Without one the page shows the whole jurisdiction.
 */
export function useRouteRegion(): string | undefined {
  return useRouter().params.region || undefined
}

/** "只看 福州市鼓楼区" with a way back to the whole jurisdiction. */
export default function RegionScope({ region }: { region: string | undefined }) {
  const path = useRouter().path.split('?')[0] ?? ''
  const name = useRegionName(region ?? '')
  if (!region) return null
  return (
    <View className="region-scope" id="region-scope">
      <Text className="region-scope__text">只看：{name}</Text>
      <Button
        className="btn region-scope__all"
        hoverClass="btn--pressed"
        onClick={() => void Taro.redirectTo({ url: path })}
      >
        看全辖区
      </Button>
    </View>
  )
}
