import type { Me } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useMutation } from '../../hooks/useMutation'
import { usePrivacyNotice } from '../../hooks/usePrivacyNotice'
import { useCurrentUser } from '../../hooks/useSession'
import { openPrivacyGuide } from '../../privacy/contract'
import { formatDate } from '../../profile/labels'
import { acceptPrivacy } from '../../services/session'
import './index.scss'
import { withPageFrame } from '../../components/PageFrame'

/** The server's privacy notice, and the signed-in person's consent to its current version. */
function PrivacyPage() {
  const user = useCurrentUser()
  const { state, reload } = usePrivacyNotice()

  if (state.phase !== 'loaded') {
    return (
      <View className="page privacy">
        <View className="card">
          <Text className="text-secondary">
            {state.phase === 'loading' ? '正在加载…' : state.message}
          </Text>
          {state.phase === 'failed' && (
            <Button className="btn btn--primary" hoverClass="btn--pressed" onClick={reload}>
              重试
            </Button>
          )}
        </View>
      </View>
    )
  }
  const { notice } = state
  return (
    <View className="page privacy">
      <View className="card">
        <Text className="card__title">{notice.title}</Text>
        <Text className="privacy__version text-secondary">版本 {notice.version}</Text>
        {notice.body.map((paragraph) => (
          <Text key={paragraph} className="privacy__paragraph">
            {paragraph}
          </Text>
        ))}
        {process.env.TARO_ENV === 'weapp' && (
          <Text className="link privacy__link" onClick={openPrivacyGuide}>
            查看在微信登记的隐私保护指引
          </Text>
        )}
      </View>
      <Consent user={user} version={notice.version} />
    </View>
  )
}

/**
 * Back to the page that sent the person here (registration, 我的), which carries on with
 * the consent now recorded. Opened on its own (a shared link, an H5 reload) it stays, and
 * says when consent was given.
 */
async function returnToAsker(): Promise<void> {
  if (Taro.getCurrentPages().length > 1) await Taro.navigateBack()
}

function Consent({ user, version }: { user: Me | null; version: string }) {
  const accepting = useMutation({ failure: { dialog: '提交失败' } })
  if (!user) {
    return <Text className="privacy__status text-secondary">登录后可在此同意本指引。</Text>
  }
  if (user.privacy?.version === version) {
    return (
      <Text className="privacy__status">
        你已于 {formatDate(user.privacy.acceptedAt)} 同意本指引（{user.privacy.version} 版）。
      </Text>
    )
  }
  const accept = () =>
    accepting.run(async () => {
      await acceptPrivacy(version)
      await Taro.showToast({ title: '已同意', icon: 'success' })
      await returnToAsker()
    })
  return (
    <View>
      {user.privacy && (
        <Text className="privacy__status text-secondary">
          指引已更新。你曾于 {formatDate(user.privacy.acceptedAt)} 同意 {user.privacy.version} 版。
        </Text>
      )}
      <Button
        className="btn btn--primary"
        hoverClass="btn--pressed"
        disabled={accepting.busy || undefined}
        onClick={accept}
      >
        同意本指引
      </Button>
    </View>
  )
}

export default withPageFrame(PrivacyPage)
