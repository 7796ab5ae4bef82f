import { activityAudienceNames, chinaDateTime, SignInRequest } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import TextField from '../../components/TextField'
import { useMutation } from '../../hooks/useMutation'
import { cancelSignup, signIn, signUpFor } from '../../services/activities'
import { type MemberStep, memberSteps, type ShownActivity } from './member-source'
import { ScanCancelled, scanSignInCode } from './sign-in'
import { activityHeadline, seatsText, stateText, whereText } from './summary'

interface Props {
  activity: ShownActivity
  /** Ask again after a change: the server's count and the member's own record. */
  onChanged: () => void
}

/** One activity for a member: what, when, where, and 报名 / 取消报名 / 签到 when they apply. */
export default function MemberActivityView({ activity, onChanged }: Props) {
  const steps = memberSteps(activity, Date.now())
  const acting = useMutation<MemberStep>({ failure: { dialog: '操作失败' } })
  const [typed, setTyped] = useState('')
  const [typedError, setTypedError] = useState<string | undefined>()
  const done = (title: string) => {
    void Taro.showToast({ title, icon: 'success' })
    onChanged()
  }
  const signUp = async () => {
    if ((await acting.run(() => signUpFor(activity.id), 'signUp')).ok) done('已报名')
  }
  const withdraw = async () => {
    if ((await acting.run(() => cancelSignup(activity.id), 'cancelSignup')).ok) done('已取消报名')
  }
  const send = async (code: string) => {
    const outcome = await acting.run(() => signIn(activity.id, code), 'signIn')
    if (outcome.ok) done(outcome.value.message)
  }
  const scan = async () => {
    try {
      await send(await scanSignInCode())
    } catch (error) {
      if (!(error instanceof ScanCancelled)) throw error
    }
  }
  const sendTyped = async () => {
    const parsed = SignInRequest.shape.code.safeParse(typed)
    setTypedError(parsed.success ? undefined : parsed.error.issues[0]?.message)
    if (parsed.success) await send(parsed.data)
  }
  return (
    <View className="activity">
      <View className="card">
        <Text className="activity__title">{activity.title}</Text>
        <Text className="activity__line">{activityHeadline(activity)}</Text>
        <Text className="activity__line">地点：{whereText(activity, activity.distance)}</Text>
        <Text className="activity__line text-secondary">
          {activityAudienceNames[activity.audience]} · {seatsText(activity)} · {stateText(activity)}
        </Text>
        {activity.description && <Text className="activity__text">{activity.description}</Text>}
        {activity.signedUpByMe && <Text className="activity__mine">你已报名</Text>}
        {activity.attendedAt && (
          <Text className="activity__mine">已签到 · {chinaDateTime(activity.attendedAt)}</Text>
        )}
        {!activity.openToMe && !activity.signedUpByMe && (
          <Text className="text-secondary">此活动面向本支部已报到党员。</Text>
        )}
      </View>
      {steps.length > 0 && (
        <View className="card">
          {steps.includes('signUp') && (
            <Button
              className="btn btn--primary"
              hoverClass="btn--pressed"
              disabled={acting.busy || undefined}
              onClick={signUp}
            >
              报名
            </Button>
          )}
          {steps.includes('signIn') &&
            (process.env.TARO_ENV === 'h5' ? (
              <View>
                <TextField
                  label="签到码"
                  placeholder="输入现场签到码下方的文字"
                  value={typed}
                  error={typedError}
                  onChange={setTyped}
                  onConfirm={sendTyped}
                />
                <Button
                  className="btn btn--primary"
                  hoverClass="btn--pressed"
                  disabled={acting.busy || undefined}
                  onClick={sendTyped}
                >
                  签到
                </Button>
              </View>
            ) : (
              <Button
                className="btn btn--primary"
                hoverClass="btn--pressed"
                disabled={acting.busy || undefined}
                onClick={scan}
              >
                扫码签到
              </Button>
            ))}
          {steps.includes('cancelSignup') && (
            <Button
              className="btn"
              hoverClass="btn--pressed"
              disabled={acting.busy || undefined}
              onClick={withdraw}
            >
              取消报名
            </Button>
          )}
          <Text className="text-secondary activity__explain">自愿参加，不计积分，不排名。</Text>
        </View>
      )}
    </View>
  )
}
