import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import RegionField from '../components/RegionField'
import TextField from '../components/TextField'
import type { Search } from './useNearby'

interface Props {
  message: string
  /** Offer to ask for the location again (after a refusal or a switched-off GPS). */
  onRetryLocation: () => void
  onSearch: (search: Search) => void
}

/** Without a position: pick a county, optionally a keyword, and search. */
export default function SearchPanel({ message, onRetryLocation, onSearch }: Props) {
  const [region, setRegion] = useState('')
  const [q, setQ] = useState('')
  const [problem, setProblem] = useState<string | undefined>()
  const submit = () => {
    if (!region && !q.trim()) return setProblem('请选择区县或输入关键词')
    setProblem(undefined)
    onSearch({ region, q: q.trim() })
  }
  return (
    <View className="card nearby__search">
      <Text className="nearby__search-message">{message}</Text>
      <RegionField label="所在区县" value={region} onChange={setRegion} error={problem} />
      <TextField
        label="关键词（可选）"
        placeholder="如：东街口、驿站"
        value={q}
        maxlength={30}
        onChange={setQ}
        onConfirm={submit}
      />
      <Button className="btn btn--primary" hoverClass="btn--pressed" onClick={submit}>
        查找服务点
      </Button>
      <Button className="btn" hoverClass="btn--pressed" onClick={onRetryLocation}>
        重新获取位置
      </Button>
    </View>
  )
}
