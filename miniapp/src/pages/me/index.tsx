import { type MembershipState, membershipStateNames } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useRef } from 'react'
import ProfileCard from '../../components/ProfileCard'
import SignInCard from '../../components/SignInCard'
import { deskGroups } from '../../desk/menu'
import { usePendingCounts } from '../../desk/usePendingCounts'
import { env } from '../../env'
import { honoursSummary } from '../../honours/summary'
import { useMutation } from '../../hooks/useMutation'
import { useMyMembershipState } from '../../hooks/useMyMembershipState'
import { useRemote } from '../../hooks/useRemote'
import { useServiceStatus } from '../../hooks/useServiceStatus'
import { useCurrentUser } from '../../hooks/useSession'
import { confirmAndCancelAccount, exportAndDeliverMyData } from '../../profile/account-actions'
import { privacySummary } from '../../profile/labels'
import {
  activityPages,
  honourPages,
  mainPages,
  memberPages,
  staffPages,
  voicePages,
} from '../../routes'
import { fetchMyHonours } from '../../services/honours'
import { reloadUser, signOut } from '../../services/session'
import './index.scss'
import { withPageFrame } from '../../components/PageFrame'

/** 我的: who is signed in, their privacy rights (notice, export, cancel) and sign-in/out. */
function MePage() {
  const user = useCurrentUser()
  const { state } = useServiceStatus()
  const devMode = state.phase === 'loaded' && state.status.wechatDevMode
  const exporting = useMutation()
  const membership = useMyMembershipState(user?.role === 'user' ? user.id : undefined)

  // Consent, MFA or kind may have changed elsewhere; an expired session ends here too.
  useDidShow(() => {
    reloadUser().catch(() => undefined)
  })

  const exportData = () => void exporting.run(exportAndDeliverMyData)
  const go = (url: string) => () => Taro.navigateTo({ url })

  return (
    <View className="page me">
      {user ? (
        <ProfileCard user={user} onEnrollMfa={go(staffPages.mfa)} />
      ) : (
        <SignInCard devMode={devMode} />
      )}
      {user?.role === 'user' && <MembershipRow state={membership} />}
      {user?.role === 'user' && (
        <View className="card me__list">
          <Row label="我参加的活动" onClick={go(activityPages.mine)} />
          {user.kind === 'rider' && <Row label="我的诉求" onClick={go(voicePages.mine)} />}
          {user.kind === 'rider' && <HonoursRow onClick={go(honourPages.mine)} />}
          {user.kind === 'rider' && membership === 'verified' && (
            <Row label="我的监督报告" onClick={go(voicePages.myReports)} />
          )}
        </View>
      )}
      {user?.staff && <StaffMenu />}
      <View className="card me__list">
        <Row label="最美骑手榜" onClick={go(honourPages.public)} />
        <Row label="隐私保护指引" value={privacySummary(user)} onClick={go(mainPages.privacy)} />
        {user && (
          <Row
            label="导出我的数据"
            value={exporting.busy ? '正在导出…' : ''}
            onClick={exportData}
          />
        )}
        {!user?.staff && <Row label="工作人员登录" onClick={go(staffPages.login)} />}
        {user?.role === 'user' && (
          <Row label="注销账号" danger onClick={() => void confirmAndCancelAccount()} />
        )}
        <View className="me__row">
          <Text>版本</Text>
          <Text className="text-secondary">v{env.appVersion}</Text>
        </View>
      </View>
      {user && (
        <Button className="btn" hoverClass="btn--pressed" onClick={() => void signOut()}>
          退出登录
        </Button>
      )}
    </View>
  )
}

/** The staff menu by task, as the desk's navigation shows it, with what waits in each queue. */
function StaffMenu() {
  const counts = usePendingCounts()
  return (
    <>
      {deskGroups
        .filter((group) => group.label !== '账号')
        .map((group) => (
          <View key={group.label} className="card me__list">
            <Text className="me__group">{group.label}</Text>
            {group.items.map((item) => {
              const count = item.pending && counts ? counts[item.pending] : 0
              return (
                <Row
                  key={item.url}
                  label={item.label}
                  value={count > 0 ? `待处理 ${count}` : ''}
                  onClick={() => Taro.navigateTo({ url: item.url })}
                />
              )
            })}
          </View>
        ))}
    </>
  )
}

/** 我的荣誉 with the rider's public honours (2026年 福州市最美骑手) or those awaiting an answer. */
function HonoursRow({ onClick }: { onClick: () => void }) {
  const { state, reload } = useRemote(fetchMyHonours)
  // The first show is the mount's load; later ones follow an answer given on 我的荣誉.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) reload()
    shown.current = true
  })
  return (
    <Row
      label="我的荣誉"
      value={state.phase === 'loaded' ? honoursSummary(state.value) : ''}
      onClick={onClick}
    />
  )
}

/** 党员登记 with the entry's state; opens the entry, or the form when there is none. */
function MembershipRow({ state }: { state: MembershipState | null | undefined }) {
  const url = state ? memberPages.status : memberPages.register
  return (
    <View className="card me__list">
      <Row
        label="党员登记"
        value={membershipSummary(state)}
        onClick={() => Taro.navigateTo({ url })}
      />
    </View>
  )
}

/** 已核验, 未登记, or nothing while unknown. */
function membershipSummary(state: MembershipState | null | undefined): string {
  if (state === undefined) return ''
  return state ? membershipStateNames[state] : '未登记'
}

interface RowProps {
  label: string
  value?: string
  danger?: boolean
  onClick: () => void
}

function Row({ label, value, danger, onClick }: RowProps) {
  return (
    <View className="me__row" hoverClass="me__row--pressed" onClick={onClick}>
      <Text className={danger ? 'me__danger' : ''}>{label}</Text>
      <View className="me__value">
        {value && <Text className="text-secondary">{value}</Text>}
        <Text className="me__chevron text-secondary">›</Text>
      </View>
    </View>
  )
}

export default withPageFrame(MePage)
