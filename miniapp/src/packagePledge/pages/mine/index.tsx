import { type MyPledge, type MyPledgeAnswer, pledgeTitles } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { type ReactNode, useRef } from 'react'
import { useRemote } from '../../../hooks/useRemote'
import { useCurrentUser } from '../../../hooks/useSession'
import { ratingText, stars } from '../../../pledge/labels'
import PledgeContentCard from '../../../pledge/PledgeContentCard'
import {
  EvaluationList,
  RatingList,
  ReportList,
  VersionHistory,
} from '../../../pledge/PledgeRecords'
import { mainPages, memberPages, pledgePages } from '../../../routes'
import { fetchMyPledge, publicPhotoUrl } from '../../../services/pledges'
import StatusCard from '../../mine/StatusCard'
import './index.scss'
import { withPageFrame } from '../../../components/PageFrame'

/** 我的承诺: its live status, the public version, ratings, reports, evaluations, history. */
function MyPledgePage() {
  const user = useCurrentUser()
  if (user?.role !== 'user') {
    return (
      <Notice text="请先登录后查看你的承诺。">
        <Button className="btn btn--primary" onClick={() => Taro.switchTab({ url: mainPages.me })}>
          去登录
        </Button>
      </Notice>
    )
  }
  return <MyPledgeBody />
}

function MyPledgeBody() {
  const { state, reload } = useRemote(fetchMyPledge)
  const shown = useRef(false)
  // Back from the form: a new version was sent there.
  useDidShow(() => {
    if (shown.current) reload()
    shown.current = true
  })
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
  return <MyPledgeView answer={state.value} onChanged={reload} />
}

function MyPledgeView({ answer, onChanged }: { answer: MyPledgeAnswer; onChanged: () => void }) {
  const go = (url: string) => () => Taro.navigateTo({ url })
  if (!answer.pledge && !answer.eligible) {
    return (
      <Notice text={answer.reason ?? '只有已核验的党员经营户或党员骑手可以发布承诺。'}>
        <Button className="btn btn--primary" onClick={go(memberPages.register)}>
          去党员登记
        </Button>
      </Notice>
    )
  }
  if (!answer.pledge) {
    return (
      <Notice text="你还没有发布承诺。写下你的身份、职责和承诺，经市场监管所审核后公开，并生成可扫码查验的承诺牌。">
        <Button className="btn btn--primary" onClick={go(pledgePages.edit)}>
          写承诺
        </Button>
      </Notice>
    )
  }
  return <PledgeDetail pledge={answer.pledge} onChanged={onChanged} />
}

function PledgeDetail({ pledge, onChanged }: { pledge: MyPledge; onChanged: () => void }) {
  const current = pledge.current
  const photo = current?.content.photoId && pledge.code ? publicPhotoUrl(pledge.code) : null
  return (
    <View className="page my-pledge">
      <StatusCard pledge={pledge} onChanged={onChanged} />
      {current ? (
        <PledgeContentCard
          heading={`公示中的承诺 · ${pledgeTitles[pledge.kind]}`}
          content={current.content}
          photoUrl={photo}
        />
      ) : (
        <View className="card">
          <Text className="text-secondary">还没有审核通过的版本，通过后顾客扫码即可看到。</Text>
        </View>
      )}
      <View className="card">
        <Text className="card__title">群众评价</Text>
        <View className="my-pledge__rating">
          <Text className="pledge-stars">{stars(pledge.rating.average)}</Text>
          <Text className="my-pledge__rating-text">{ratingText(pledge.rating)}</Text>
        </View>
        <RatingList ratings={pledge.ratings} />
      </View>
      <View className="card">
        <Text className="card__title">群众举报</Text>
        <ReportList reports={pledge.reports} />
      </View>
      <View className="card">
        <Text className="card__title">考评与荣誉</Text>
        <EvaluationList evaluations={pledge.evaluations} />
      </View>
      <View className="card">
        <Text className="card__title">提交记录</Text>
        <VersionHistory versions={pledge.versions} />
      </View>
    </View>
  )
}

function Notice({ text, children }: { text: string; children?: ReactNode }) {
  return (
    <View className="page my-pledge">
      <View className="card">
        <Text className="my-pledge__notice">{text}</Text>
        {children}
      </View>
    </View>
  )
}

export default withPageFrame(MyPledgePage)
