import { StaffLoginRequest } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import TextField from '../../../components/TextField'
import { errorsFromFailure, errorsFromIssues, type FormErrors } from '../../../forms/field-errors'
import { ApiError } from '../../../services/http'
import { signInStaff } from '../../../services/session'
import { leaveToMe } from '../../leave'
import './index.scss'
import { withPageFrame } from '../../../components/PageFrame'

const FIELDS = ['username', 'password', 'otp'] as const
type Field = (typeof FIELDS)[number]
const NO_ERRORS: FormErrors<Field> = { fields: {}, message: null }

/** Bureau staff sign-in: account and password, then the 6-digit code when MFA is on. */
function StaffLoginPage() {
  const [form, setForm] = useState<Record<Field, string>>({ username: '', password: '', otp: '' })
  const [needsOtp, setNeedsOtp] = useState(false)
  const [errors, setErrors] = useState(NO_ERRORS)
  const [busy, setBusy] = useState(false)
  const edit = (field: Field) => (value: string) => setForm((f) => ({ ...f, [field]: value }))

  const submit = async () => {
    if (busy) return
    const parsed = StaffLoginRequest.safeParse(
      { ...form, otp: needsOtp ? form.otp : undefined },
      { jitless: true },
    )
    if (!parsed.success) return setErrors(errorsFromIssues(parsed.error, FIELDS))
    setErrors(NO_ERRORS)
    setBusy(true)
    try {
      await signInStaff(parsed.data)
      leaveToMe()
    } catch (error) {
      if (error instanceof ApiError && error.code === 'mfa_required') {
        setNeedsOtp(true)
      } else {
        setErrors(errorsFromFailure(error, FIELDS))
        if (needsOtp) setForm((f) => ({ ...f, otp: '' }))
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="page staff-login">
      <View className="card">
        <Text className="card__title">市场监管工作人员</Text>
        <TextField
          label="账号"
          placeholder="账号"
          value={form.username}
          maxlength={64}
          error={errors.fields.username}
          onChange={edit('username')}
        />
        <TextField
          label="密码"
          placeholder="密码"
          password
          value={form.password}
          maxlength={256}
          error={errors.fields.password}
          onChange={edit('password')}
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
              value={form.otp}
              error={errors.fields.otp}
              onChange={edit('otp')}
              onConfirm={submit}
            />
          </>
        )}
        {errors.message && <Text className="staff-login__error">{errors.message}</Text>}
        <Button
          className="btn btn--primary"
          hoverClass="btn--pressed"
          disabled={busy || undefined}
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
