import { Button, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useRef } from 'react'
import { withPageFrame } from '../../../components/PageFrame'
import { PageNotice } from '../../../components/StaffOnly'
import { useRemote } from '../../../hooks/useRemote'
import { voicePages } from '../../../routes'
import { fetchMySupervisionReports } from '../../../services/supervision'
import ReportCard from '../../report/ReportCard'
import '../../voice/voice.scss'

/** 我的监督报告: what I reported on the job, each with what the bureau found. */
function MyReportsPage() {
  const { state, reload } = useRemote(fetchMySupervisionReports)
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) reload()
    shown.current = true
  })
  if (state.phase === 'loading') return <PageNotice text="正在加载…" />
  if (state.phase === 'failed') return <PageNotice text={state.error.message} onRetry={reload} />
  return (
    <View className="page voice">
      <Button
        className="btn btn--primary voice__raise"
        hoverClass="btn--pressed"
        onClick={() => Taro.navigateTo({ url: voicePages.report })}
      >
        报告商家问题
      </Button>
      {state.value.length === 0 && (
        <PageNotice text="送餐途中看到食品安全、价格、网店经营等问题，可以在这里报告；你的身份不会告知商家。" />
      )}
      {state.value.map((report) => (
        <ReportCard key={report.id} report={report} />
      ))}
    </View>
  )
}

export default withPageFrame(MyReportsPage)
