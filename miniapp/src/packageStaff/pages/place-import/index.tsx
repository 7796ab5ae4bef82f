import type { CoordinateSystem } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import StaffOnly from '../../../components/StaffOnly'
import FilePicker from '../../imports/FilePicker'
import { crsNames, optionalColumns, requiredColumns } from '../../places/import-labels'
import PlaceImportResult from '../../places/PlaceImportResult'
import { usePlaceImport } from '../../places/usePlaceImport'
import '../import/index.scss'
import { withPageFrame } from '../../../components/PageFrame'

const EXTENSIONS = ['csv', 'xlsx', 'geojson', 'json']

/** 场所导入: a file of stations and branches in, a report of what was left out. */
function PlaceImportPage() {
  return (
    <StaffOnly>
      <PlaceImport />
    </StaffOnly>
  )
}

function PlaceImport() {
  const upload = usePlaceImport()
  return (
    <View className="page import">
      <View className="card">
        <Text className="card__title">1. 文件中的坐标系</Text>
        <Text className="text-secondary import__columns">
          请按数据来源选择；选错会使位置偏移数百米。系统统一换算为 GCJ-02 保存。
        </Text>
        <View className="import__kinds">
          {(Object.keys(crsNames) as CoordinateSystem[]).map((crs) => (
            <Text
              key={crs}
              className={`import__kind${crs === upload.crs ? ' import__kind--on' : ''}`}
              onClick={() => upload.setCrs(crs)}
            >
              {crsNames[crs]}
            </Text>
          ))}
        </View>
      </View>
      <View className="card">
        <Text className="card__title">2. 选择文件并上传</Text>
        <Text className="import__columns text-secondary">
          CSV/XLSX 需要的列：{requiredColumns}；可选：{optionalColumns}。开放时间如“每天
          08:00-20:00”或“24小时”。GeoJSON 的点要素用同名属性。
        </Text>
        <FilePicker
          file={upload.file}
          onPick={upload.setFile}
          extensions={EXTENSIONS}
          label="场所"
        />
        <Button
          className="btn btn--primary"
          hoverClass="btn--pressed"
          disabled={!upload.crs || !upload.file || upload.busy || undefined}
          onClick={upload.upload}
        >
          {upload.busy ? '正在导入…' : upload.crs ? '上传并导入' : '请先选择坐标系'}
        </Button>
      </View>
      {upload.report && <PlaceImportResult report={upload.report} />}
    </View>
  )
}

export default withPageFrame(PlaceImportPage)
