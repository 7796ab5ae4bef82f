import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useRef } from 'react'
import { withPageFrame } from '../../../components/PageFrame'
import { PageNotice } from '../../../components/StaffOnly'
import { useMutation } from '../../../hooks/useMutation'
import { useRemote } from '../../../hooks/useRemote'
import { honourPages } from '../../../routes'
import { acceptHonour, declineHonour, fetchMyHonours } from '../../../services/honours'
import MyHonourCard from '../../honours/MyHonourCard'
import '../../honours/honours.scss'

/** 我的荣誉: the rider's 最美骑手 nominations, each shown publicly only if they agree. */
function MyHonoursPage() {
  const { state, reload } = useRemote(fetchMyHonours)
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) reload()
    shown.current = true
  })
  const answering = useMutation({ failure: { dialog: '操作失败' } })
  const answer = async (send: () => Promise<unknown>, done: string) => {
    const outcome = await answering.run(send)
    if (!outcome.ok) return
    void Taro.showToast({ title: done, icon: 'success' })
    reload()
  }
  if (state.phase === 'loading') return <PageNotice text="正在加载…" />
  if (state.phase === 'failed') return <PageNotice text={state.error.message} onRetry={reload} />
  return (
    <View className="page honours">
      <Text className="text-secondary honours__top">
        {
          '荣誉只有经你同意才会出现在公开的最美骑手榜上，只显示你选择的称呼、平台、城市和事迹；你可以随时撤回。'
        }
      </Text>
      {state.value.length === 0 && <PageNotice text="你还没有被推荐为最美骑手。" />}
      {state.value.map((honour) => (
        <MyHonourCard
          key={honour.id}
          honour={honour}
          busy={answering.busy}
          onAccept={(nameShown) => void answer(() => acceptHonour(honour.id, nameShown), '已公开')}
          onDecline={() => void answer(() => declineHonour(honour.id), '已设为不公开')}
        />
      ))}
      <Button
        className="btn"
        hoverClass="btn--pressed"
        onClick={() => Taro.navigateTo({ url: honourPages.public })}
      >
        查看最美骑手榜
      </Button>
    </View>
  )
}

export default withPageFrame(MyHonoursPage)
