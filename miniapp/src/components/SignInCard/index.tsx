import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { useMutation } from '../../hooks/useMutation'
import { devNameProblem, signInWithWechat } from '../../services/session'
import TextField from '../TextField'
import './index.scss'

interface Props {
  /** The server accepts `dev:<name>` codes: offer a name field (how H5 signs in). */
  devMode: boolean
}

/** Signed out: WeChat sign-in in the mini-program, a demo name where the server allows it. */
export default function SignInCard({ devMode }: Props) {
  const [devName, setDevName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const signing = useMutation({ fallback: '登录失败，请稍后重试' })
  const busy = signing.busy
  const weapp = process.env.TARO_ENV === 'weapp'

  const signIn = async (name?: string) => {
    const problem = name === undefined ? null : devNameProblem(name)
    setError(problem)
    if (problem) return
    const outcome = await signing.run(() =>
      signInWithWechat(name === undefined ? {} : { devName: name }),
    )
    if (!outcome.ok && outcome.error) setError(outcome.error.message)
  }

  return (
    <View className="card sign-in">
      <Text className="card__title">未登录</Text>
      <Text className="text-secondary">登录后可查看和管理你的信息。</Text>
      {weapp && (
        <Button
          className="btn btn--primary"
          hoverClass="btn--pressed"
          disabled={busy || undefined}
          onClick={() => signIn()}
        >
          微信一键登录
        </Button>
      )}
      {!weapp && !devMode && (
        <Text className="sign-in__hint">请在微信中打开「党建通」小程序登录。</Text>
      )}
      {devMode && (
        <View className="sign-in__dev">
          <TextField
            label="演示用户（仅开发环境）"
            placeholder="输入演示用户名"
            value={devName}
            maxlength={32}
            onChange={setDevName}
            onConfirm={() => signIn(devName)}
          />
          <Button
            className={weapp ? 'btn' : 'btn btn--primary'}
            hoverClass="btn--pressed"
            disabled={busy || undefined}
            onClick={() => signIn(devName)}
          >
            演示登录
          </Button>
        </View>
      )}
      {error && <Text className="sign-in__error">{error}</Text>}
    </View>
  )
}
