import type { PublicPledge } from '@djt/shared'
import { periodLabel } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { pledgeCodeOf } from '../../../pledge/code'
import { ratingText, stars } from '../../../pledge/labels'
import PledgeContentCard from '../../../pledge/PledgeContentCard'
import { ReportList } from '../../../pledge/PledgeRecords'
import { publicPhotoUrl } from '../../../services/pledges'
import RateSheet from '../../public/RateSheet'
import ReportSheet from '../../public/ReportSheet'
import StatusBanner from '../../public/StatusBanner'
import { usePublicPledge } from '../../public/usePublicPledge'
import './index.scss'
import { withPageFrame } from '../../../components/PageFrame'

/** What a scan of the plaque opens, for anyone and without sign-in: is this pledge live? */
function PublicPledgePage() {
  const { params } = useRouter()
  const code = pledgeCodeOf(params)
  const { state, reload, setRating } = usePublicPledge(code)

  if (state.phase === 'loading') {
    return (
      <View className="page public-pledge">
        <View className="card">
          <Text className="text-secondary">正在查验…</Text>
        </View>
      </View>
    )
  }
  if (state.phase === 'unknown') {
    return (
      <View className="page public-pledge">
        <StatusBanner
          status="invalid"
          reason={state.message}
          code={code === 'malformed' ? null : code}
        />
      </View>
    )
  }
  if (state.phase === 'malformed') {
    return (
      <View className="page public-pledge">
        <View className="card">
          <Text className="card__title">{state.message}</Text>
          <Text className="text-secondary">
            请对照承诺牌上的查验码重新输入，或直接扫描承诺牌上的二维码。
          </Text>
        </View>
      </View>
    )
  }
  if (state.phase === 'failed') {
    return (
      <View className="page public-pledge">
        <View className="card">
          <Text>{state.message}</Text>
          <Button className="btn btn--primary" hoverClass="btn--pressed" onClick={reload}>
            重试
          </Button>
        </View>
      </View>
    )
  }
  return <PublicView pledge={state.pledge} onRated={setRating} onReported={reload} />
}

interface ViewProps {
  pledge: PublicPledge
  onRated: (rating: PublicPledge['rating']) => void
  onReported: () => void
}

function PublicView({ pledge, onRated, onReported }: ViewProps) {
  const [sheet, setSheet] = useState<'rate' | 'report' | null>(null)
  const open = pledge.content !== null && pledge.status !== 'revoked' && pledge.status !== 'invalid'
  return (
    <View className="page public-pledge">
      <StatusBanner
        status={pledge.status}
        statusText={pledge.statusText}
        reason={pledge.reason}
        code={pledge.code}
        issuer={pledge.issuer}
        approvedAt={pledge.approvedAt}
      />
      {pledge.content && (
        <PledgeContentCard
          heading={pledge.title ?? '共产党员承诺'}
          content={pledge.content}
          photoUrl={pledge.hasPhoto ? publicPhotoUrl(pledge.code) : null}
        />
      )}
      <View className="card">
        <Text className="card__title">群众评价</Text>
        <View className="public-pledge__rating">
          <Text className="pledge-stars public-pledge__stars">{stars(pledge.rating.average)}</Text>
          <Text className="public-pledge__rating-text">{ratingText(pledge.rating)}</Text>
        </View>
        {pledge.awards.map((award) => (
          <Text key={`${award.period}-${award.title}`} className="pledge-award">
            🏅 {periodLabel(award.period)} {award.title}
          </Text>
        ))}
        {open && (
          <View className="public-pledge__actions">
            <Button
              className="btn btn--primary public-pledge__action"
              hoverClass="btn--pressed"
              onClick={() => setSheet('rate')}
            >
              评价
            </Button>
            <Button
              className="btn public-pledge__action"
              hoverClass="btn--pressed"
              onClick={() => setSheet('report')}
            >
              举报
            </Button>
          </View>
        )}
      </View>
      <View className="card">
        <Text className="card__title">已核实的举报（{pledge.reports.length} 条）</Text>
        <ReportList reports={pledge.reports} empty="暂无已核实的举报" />
        {pledge.openReports > 0 && (
          <Text className="public-pledge__open">
            另有 {pledge.openReports} 条举报正在核实，核实后在此公示结果
          </Text>
        )}
      </View>
      {sheet === 'rate' && (
        <RateSheet
          code={pledge.code}
          onRated={(rating) => {
            setSheet(null)
            if (rating) onRated(rating)
            else onReported()
          }}
          onClose={() => setSheet(null)}
        />
      )}
      {sheet === 'report' && (
        <ReportSheet
          code={pledge.code}
          onReported={() => {
            setSheet(null)
            onReported()
          }}
          onClose={() => setSheet(null)}
        />
      )}
    </View>
  )
}

export default withPageFrame(PublicPledgePage)
