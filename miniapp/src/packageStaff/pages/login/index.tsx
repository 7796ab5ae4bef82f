import { StaffLoginRequest } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import TextField from '../../../components/TextField'
import { useZodForm } from '../../../forms/useZodForm'
import { useMutation } from '../../../hooks/useMutation'
import { signInStaff } from '../../../services/session'
import { leaveToMe } from '../../leave'
import './index.scss'
import { withPageFrame } from '../../../components/PageFrame'

/** Bureau staff sign-in: account and password, then the 6-digit code when MFA is on. */
function StaffLoginPage() {
  const [needsOtp, setNeedsOtp] = useState(false)
  const form = useZodForm({
    schema: StaffLoginRequest,
    initial: { username: '', password: '', otp: '' },
    toInput: (values) => ({ ...values, otp: needsOtp ? values.otp : undefined }),
  })
  const signing = useMutation()
  const { values, errors } = form

  const submit = async () => {
    const request = form.validate()
    if (!request) return
    const outcome = await signing.run(() => signInStaff(request))
    if (outcome.ok) return leaveToMe()
    if (!outcome.error) return
    if (outcome.error.code === 'mfa_required') return setNeedsOtp(true)
    if (needsOtp) form.set('otp', '')
    form.fail(outcome.error)
  }

  return (
    <View className="page staff-login">
      <View className="card">
        <Text className="card__title">市场监管工作人员</Text>
        <TextField
          label="账号"
          placeholder="账号"
          value={values.username}
          maxlength={64}
          error={errors.username}
          onChange={(value) => form.set('username', value)}
        />
        <TextField
          label="密码"
          placeholder="密码"
          password
          value={values.password}
          maxlength={256}
          error={errors.password}
          onChange={(value) => form.set('password', value)}
          onConfirm={submit}
        />
        {needsOtp && (
          <>
            <Text className="staff-login__hint">
              此账号已开启双因素认证，请输入身份验证器中显示的6位数字。
            </Text>
            <TextField
              label="动态验证码"
              placeholder="6位数字"
              type="number"
              maxlength={6}
              value={values.otp}
              error={errors.otp}
              onChange={(value) => form.set('otp', value)}
              onConfirm={submit}
            />
          </>
        )}
        {form.message && <Text className="staff-login__error">{form.message}</Text>}
        <Button
          className="btn btn--primary"
          hoverClass="btn--pressed"
          disabled={signing.busy || undefined}
          onClick={submit}
        >
          登录
        </Button>
      </View>
      <Text className="staff-login__note text-secondary">
        仅供市场监督管理部门工作人员使用，登录与操作均会记录。
      </Text>
    </View>
  )
}

export default withPageFrame(StaffLoginPage)
