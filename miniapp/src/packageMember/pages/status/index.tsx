import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ReactNode } from 'react'
import Timeline from '../../../components/Timeline'
import { memberPages } from '../../../routes'
import NextStepCard from '../../status/NextStepCard'
import StatusActions from '../../status/StatusActions'
import StatusCard, { EntryNotices } from '../../status/StatusCard'
import { useMyMembership } from '../../status/useMyMembership'
import './index.scss'
import { withPageFrame } from '../../../components/PageFrame'

/** 我的党员登记: state, masked identifiers, warnings, the staff question, and the history. */
function StatusPage() {
  const { state, reload } = useMyMembership()
  if (state.phase === 'loading') return <Notice text="正在加载…" />
  if (state.phase === 'failed') {
    return (
      <Notice text={state.error.message}>
        <Button className="btn btn--primary" onClick={reload}>
          重试
        </Button>
      </Notice>
    )
  }
  const mine = state.value
  if (!mine) {
    return (
      <Notice text="你还没有登记党员信息。">
        <Button
          className="btn btn--primary"
          onClick={() => Taro.redirectTo({ url: memberPages.register })}
        >
          去登记
        </Button>
      </Notice>
    )
  }
  return (
    <View className="page status-page">
      <StatusCard mine={mine} />
      <NextStepCard mine={mine} />
      <EntryNotices mine={mine} />
      <StatusActions mine={mine} onChanged={reload} />
      <View className="card">
        <Text className="card__title">办理记录</Text>
        <Timeline events={mine.timeline} />
      </View>
    </View>
  )
}

function Notice({ text, children }: { text: string; children?: ReactNode }) {
  return (
    <View className="page status-page">
      <View className="card">
        <Text className="text-secondary">{text}</Text>
        {children}
      </View>
    </View>
  )
}

export default withPageFrame(StatusPage)
