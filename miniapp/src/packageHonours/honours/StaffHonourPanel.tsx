import { RevokeHonourRequest } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import ReasonSheet from '../../components/ReasonSheet'
import { honourTitle } from '../../honours/summary'
import { useMutation } from '../../hooks/useMutation'
import { revokeHonour, type StaffHonour } from '../../services/honours'
import { nominatedOn, staffHonourState } from './summary'

interface Props {
  honour: StaffHonour
  /** Told after a revocation (the list loads again). */
  onChanged: (honour: StaffHonour) => void
}

/** One nomination for staff: the rider, where it stands, the citation, and 撤销 with a reason. */
export default function StaffHonourPanel({ honour, onChanged }: Props) {
  const [asking, setAsking] = useState(false)
  const revoking = useMutation({ failure: { dialog: '撤销失败' } })
  const revoke = async (reason: string) => {
    const outcome = await revoking.run(() => revokeHonour(honour.id, reason))
    if (outcome.ok) onChanged(outcome.value)
    return outcome.ok
  }
  return (
    <View className="card honour-card">
      <Text className="honour-card__title">{`${honour.riderName} · ${honourTitle(honour)}`}</Text>
      <Text className="honour-card__line">{staffHonourState(honour)}</Text>
      <Text className="honour-card__citation">{honour.citation}</Text>
      <Text className="honour-card__line text-secondary">
        {`${honour.regionName} · ${nominatedOn(honour)}`}
      </Text>
      {honour.state !== 'revoked' && (
        <View className="honour-card__actions">
          <Button className="btn" hoverClass="btn--pressed" onClick={() => setAsking(true)}>
            撤销荣誉
          </Button>
        </View>
      )}
      {asking && (
        <ReasonSheet
          title="撤销最美骑手"
          label="撤销原因"
          placeholder="如：经核实存在违规送餐投诉"
          explanation="撤销后荣誉立即从公开榜单上消失，骑手会看到撤销原因。"
          confirmText="确认撤销"
          schema={RevokeHonourRequest.shape.reason}
          onConfirm={revoke}
          onClose={() => setAsking(false)}
        />
      )}
    </View>
  )
}
