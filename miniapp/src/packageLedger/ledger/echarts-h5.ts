// H5 only: imported dynamically behind `process.env.TARO_ENV === 'h5'`, so the weapp
// build never bundles ECharts. Only the bar chart and what it needs (tree-shaken).
import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { init, use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

export { init }
