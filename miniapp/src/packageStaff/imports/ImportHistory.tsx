import { chinaDateTime, registerKindNames } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import DeskTable from '../../desk/DeskTable'
import type { DeskColumn } from '../../desk/table'
import { wholeList } from '../../hooks/usePagedList'
import type { RemoteState } from '../../hooks/useRemote'
import type { RegisterImport } from '../../services/registers'

interface Props {
  state: RemoteState<RegisterImport[]>
  onDownloadRejects: (item: RegisterImport) => void
  onRetry: () => void
}

/** Earlier imports in the jurisdiction, each with its counts and its rejects report. */
export default function ImportHistory({ state, onDownloadRejects, onRetry }: Props) {
  const download = (item: RegisterImport) =>
    item.rowsRejected > 0 && (
      <Text className="link import__download" onClick={() => onDownloadRejects(item)}>
        下载拒收报告
      </Text>
    )
  return (
    <View className="card">
      <Text className="card__title">导入记录</Text>
      <DeskTable
        caption="导入记录"
        list={wholeList(state)}
        total={state.phase === 'loaded' ? state.value.length : null}
        columns={columns}
        keyOf={(item) => item.id}
        empty="还没有导入过名录。"
        onMore={onRetry}
        onRetry={onRetry}
        actions={download}
        card={(item) => (
          <View className="import__history-item">
            <Text className="import__history-title">
              {registerKindNames[item.kind]} · {item.fileName}
            </Text>
            <Text className="text-secondary import__history-meta">
              {chinaDateTime(item.finishedAt)} · {item.importedBy} · 读取 {item.rowsRead}，接受{' '}
              {item.rowsAccepted}，拒收 {item.rowsRejected}
            </Text>
            {download(item)}
          </View>
        )}
      />
    </View>
  )
}

const count = (key: 'rowsRead' | 'rowsAccepted' | 'rowsRejected', title: string) => ({
  key,
  title,
  value: (item: RegisterImport) => item[key],
  sortable: true,
  width: '5em',
})

const columns: DeskColumn<RegisterImport>[] = [
  {
    key: 'kind',
    title: '名录',
    value: (item) => registerKindNames[item.kind],
    filter: 'choice',
    width: '9em',
  },
  { key: 'file', title: '文件', value: (item) => item.fileName, filter: 'text' },
  {
    key: 'at',
    title: '导入时间',
    value: (item) => item.finishedAt,
    render: (item) => chinaDateTime(item.finishedAt),
    sortable: true,
    width: '10em',
  },
  { key: 'by', title: '导入人', value: (item) => item.importedBy, filter: 'choice', width: '7em' },
  count('rowsRead', '读取'),
  count('rowsAccepted', '接受'),
  count('rowsRejected', '拒收'),
]
