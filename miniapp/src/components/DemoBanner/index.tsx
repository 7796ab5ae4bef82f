import { Text, View } from '@tarojs/components'
import './index.scss'

/** Shown on every page while the server runs on the demo dataset. */
export default function DemoBanner({ standalone = false }: { standalone?: boolean }) {
  // Standalone: above a page's own padded frame (withPageFrame), so it brings its margin.
  return (
    <View className={standalone ? 'demo-banner demo-banner--standalone' : 'demo-banner'}>
      <Text>演示数据：本系统当前运行在演示模式，数据均为虚构</Text>
    </View>
  )
}
