import { Text, View } from '@tarojs/components'
import { useEffect, useRef } from 'react'
import { colours } from '../../styles/tokens'
import { barWidths } from './model'

export interface BarSeries {
  name: string
  values: readonly number[]
}

interface Props {
  categories: readonly string[]
  series: readonly BarSeries[]
}

const COLOURS = [colours.chartSeries1, colours.chartSeries2]

/** Horizontal bars: ECharts in the browser, plain views in WeChat (no chart library there). */
export default function Bars(props: Props) {
  if (props.categories.length === 0) return null
  return process.env.TARO_ENV === 'h5' ? <EChartsBars {...props} /> : <ViewBars {...props} />
}

function EChartsBars({ categories, series }: Props) {
  const box = useRef<HTMLDivElement>(null)
  const option = JSON.stringify({ categories, series })
  // biome-ignore lint/correctness/useExhaustiveDependencies: `option` stands for both props
  useEffect(() => {
    let disposed = false
    let chart: { dispose(): void } | undefined
    if (process.env.TARO_ENV === 'h5') {
      void (async () => {
        const echarts = await import('./echarts-h5')
        if (disposed || !box.current) return
        const instance = echarts.init(box.current)
        instance.setOption(chartOption(categories, series))
        chart = instance
      })()
    }
    return () => {
      disposed = true
      chart?.dispose()
    }
  }, [option])
  const height = 48 + categories.length * series.length * 22
  return <div className="ledger-chart" ref={box} style={{ height: `${height}px` }} />
}

function chartOption(categories: readonly string[], series: readonly BarSeries[]) {
  return {
    animation: false,
    color: COLOURS,
    legend: { top: 0 },
    grid: { left: 8, right: 32, top: 28, bottom: 0, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: [...categories] },
    series: series.map((s) => ({
      name: s.name,
      type: 'bar',
      data: [...s.values],
      label: { show: true, position: 'right' },
    })),
  }
}

function ViewBars({ categories, series }: Props) {
  const max = Math.max(0, ...series.flatMap((s) => s.values))
  const widths = series.map((s) => barWidths(s.values, max))
  return (
    <View className="ledger-bars">
      <View className="ledger-bars__legend">
        {series.map((s, i) => (
          <Text key={s.name} className="ledger-bars__key" style={{ color: COLOURS[i] }}>
            ■ {s.name}
          </Text>
        ))}
      </View>
      {categories.map((category, c) => (
        <View key={category} className="ledger-bars__group">
          <Text className="ledger-bars__name">{category}</Text>
          <View className="ledger-bars__lines">
            {series.map((s, i) => (
              <View key={s.name} className="ledger-bars__line">
                <View className="ledger-bars__track">
                  <View
                    className="ledger-bars__bar"
                    style={{ width: `${widths[i]?.[c] ?? 0}%`, backgroundColor: COLOURS[i] }}
                  />
                </View>
                <Text className="ledger-bars__value">{s.values[c] ?? 0}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
    </View>
  )
}
