import { type BranchInfo, checkinStateNames, chinaDateTime } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import PhoneLink from '../../components/PhoneLink'
import { mainPages, memberPages } from '../../routes'
import { type CheckinGate, canCheckInAgain } from './checkin-gate'
import { useCheckin } from './useCheckin'

const orgFormNames: Record<BranchInfo['orgForm'], string> = {
  standalone_branch: '单独党支部',
  joint_branch: '联合党支部',
  flow_branch: '流动党员党支部',
}

/** The branch's own details and 报到 (check-in) for flow members. */
export default function CheckinCard({ placeId, branch }: { placeId: string; branch: BranchInfo }) {
  const { gate, loading, latest, busy, submit } = useCheckin(placeId)
  return (
    <View className="card">
      <Text className="card__title">党支部信息</Text>
      <Text className="place__line">组织形式：{orgFormNames[branch.orgForm]}</Text>
      {branch.affiliation && <Text className="place__line">依托：{branch.affiliation}</Text>}
      <Text className="place__line">
        联系人：{branch.contactName} <PhoneLink phone={branch.contactPhone} />
      </Text>
      <Text className="place__line">
        {branch.acceptsFlowMembers ? '接收流动党员报到' : '暂不接收流动党员报到'}
      </Text>
      {latest && (
        <Text className="place__checkin-state">
          我的报到：{checkinStateNames[latest.state]}（{chinaDateTime(latest.createdAt)}）
        </Text>
      )}
      {branch.acceptsFlowMembers && !loading && canCheckInAgain(latest) && (
        <CheckinAction gate={gate} busy={busy} onSubmit={submit} />
      )}
    </View>
  )
}

function CheckinAction(props: { gate: CheckinGate; busy: boolean; onSubmit: () => void }) {
  const { gate } = props
  if (gate.step === 'ready')
    return (
      <Button
        className="btn btn--primary place__big"
        hoverClass="btn--pressed"
        disabled={props.busy || undefined}
        onClick={props.onSubmit}
      >
        {props.busy ? '正在提交…' : '报到'}
      </Button>
    )
  const next: Partial<Record<CheckinGate['step'], { label: string; go: () => void }>> = {
    sign_in: { label: '去登录', go: () => void Taro.switchTab({ url: mainPages.me }) },
    register: { label: '去登记', go: () => void Taro.navigateTo({ url: memberPages.register }) },
    unverified: {
      label: '查看我的登记',
      go: () => void Taro.navigateTo({ url: memberPages.status }),
    },
  }
  const action = next[gate.step]
  return (
    <View className="place__gate">
      <Text className="text-secondary">{gate.text}</Text>
      {action && (
        <Button className="btn" hoverClass="btn--pressed" onClick={action.go}>
          {action.label}
        </Button>
      )}
    </View>
  )
}
