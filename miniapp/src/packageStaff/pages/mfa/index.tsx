import { MfaConfirmRequest, type MfaEnrollment } from '@djt/shared'
import { Button, Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import TextField from '../../../components/TextField'
import { useZodForm } from '../../../forms/useZodForm'
import { useMutation } from '../../../hooks/useMutation'
import { useCurrentUser } from '../../../hooks/useSession'
import { startMfaEnrollment } from '../../../services/auth'
import { ApiError } from '../../../services/http'
import { confirmMfa } from '../../../services/session'
import { leaveToMe } from '../../leave'
import './index.scss'
import { withPageFrame } from '../../../components/PageFrame'

type Enrollment =
  | { phase: 'loading' }
  | { phase: 'ready'; enrollment: MfaEnrollment }
  | { phase: 'failed'; message: string }

/** Staff two-factor enrolment: scan the QR code (or type the secret), confirm with a first code. */
function MfaEnrollmentPage() {
  const user = useCurrentUser()
  const [state, setState] = useState<Enrollment>({ phase: 'loading' })
  const form = useZodForm({ schema: MfaConfirmRequest, initial: { otp: '' } })
  const confirming = useMutation()

  const needsEnrollment = Boolean(user?.staff && !user.staff.mfaEnabled)

  // Every enrolment start makes a new secret: once per visit, and only when it is needed.
  useEffect(() => {
    if (!needsEnrollment) return
    let live = true
    startMfaEnrollment().then(
      (enrollment) => live && setState({ phase: 'ready', enrollment }),
      (error: unknown) => {
        const message = error instanceof ApiError ? error.message : '无法开始绑定，请稍后重试'
        if (live) setState({ phase: 'failed', message })
      },
    )
    return () => {
      live = false
    }
  }, [needsEnrollment])

  const confirm = async () => {
    const request = form.validate()
    if (!request) return
    const outcome = await confirming.run(async () => {
      await confirmMfa(request.otp)
      await Taro.showToast({ title: '绑定成功', icon: 'success' })
      leaveToMe()
    })
    if (!outcome.ok && outcome.error) {
      form.set('otp', '')
      form.fail(outcome.error)
    }
  }

  if (!user?.staff) return <Notice text="请先以工作人员身份登录。" />
  if (user.staff.mfaEnabled) return <Notice text="此账号已绑定动态验证码。" />
  if (state.phase !== 'ready')
    return <Notice text={state.phase === 'loading' ? '正在生成密钥…' : state.message} />
  const { enrollment } = state
  return (
    <View className="page mfa">
      <View className="card">
        <Text className="card__title">1. 扫描二维码</Text>
        <Text className="text-secondary">
          用身份验证器（如腾讯身份验证器、Microsoft Authenticator）扫描：
        </Text>
        <Image className="mfa__qr" src={enrollment.qrDataUrl} mode="aspectFit" />
        <Text className="text-secondary">无法扫码时，在身份验证器中手动输入密钥：</Text>
        <Text className="mfa__secret" userSelect>
          {groupedSecret(enrollment.secret)}
        </Text>
        <Button
          className="btn"
          hoverClass="btn--pressed"
          onClick={() => Taro.setClipboardData({ data: enrollment.secret })}
        >
          复制密钥
        </Button>
      </View>
      <View className="card">
        <Text className="card__title">2. 输入验证器显示的6位数字</Text>
        <TextField
          label="动态验证码"
          placeholder="6位数字"
          type="number"
          maxlength={6}
          value={form.values.otp}
          error={form.errors.otp}
          onChange={(value) => form.set('otp', value)}
          onConfirm={confirm}
        />
        {form.message && <Text className="mfa__error">{form.message}</Text>}
        <Button
          className="btn btn--primary"
          hoverClass="btn--pressed"
          disabled={confirming.busy || undefined}
          onClick={confirm}
        >
          确认绑定
        </Button>
      </View>
    </View>
  )
}

function Notice({ text }: { text: string }) {
  return (
    <View className="page mfa">
      <View className="card">
        <Text className="text-secondary">{text}</Text>
      </View>
    </View>
  )
}

/** Base32 in groups of four, easier to type across. */
function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ')
}

export default withPageFrame(MfaEnrollmentPage)
