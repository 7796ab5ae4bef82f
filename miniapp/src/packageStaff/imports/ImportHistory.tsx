import { chinaDateTime, registerKindNames } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import type { RemoteState } from '../../hooks/useRemote'
import type { RegisterImport } from '../../services/registers'

interface Props {
  state: RemoteState<RegisterImport[]>
  onDownloadRejects: (item: RegisterImport) => void
}

/** Earlier imports in the jurisdiction, each with its counts and its rejects report. */
export default function ImportHistory({ state, onDownloadRejects }: Props) {
  return (
    <View className="card">
      <Text className="card__title">导入记录</Text>
      {state.phase === 'loading' && <Text className="text-secondary">正在加载…</Text>}
      {state.phase === 'failed' && <Text className="text-secondary">{state.error.message}</Text>}
      {state.phase === 'loaded' && state.value.length === 0 && (
        <Text className="text-secondary">还没有导入过名录。</Text>
      )}
      {state.phase === 'loaded' &&
        state.value.map((item) => (
          <View key={item.id} className="import__history-item">
            <Text className="import__history-title">
              {registerKindNames[item.kind]} · {item.fileName}
            </Text>
            <Text className="text-secondary import__history-meta">
              {chinaDateTime(item.finishedAt)} · {item.importedBy} · 读取 {item.rowsRead}，接受{' '}
              {item.rowsAccepted}，拒收 {item.rowsRejected}
            </Text>
            {item.rowsRejected > 0 && (
              <Text className="link import__download" onClick={() => onDownloadRejects(item)}>
                下载拒收报告
              </Text>
            )}
          </View>
        ))}
    </View>
  )
}
