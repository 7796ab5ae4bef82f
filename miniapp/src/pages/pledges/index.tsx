import { MALFORMED_CODE_MESSAGE } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import TextField from '../../components/TextField'
import { useCurrentUser } from '../../hooks/useSession'
import { typedCode } from '../../pledge/code'
import { mainPages, pledgePages, publicPledgeUrl } from '../../routes'
import './index.scss'
import { withPageFrame } from '../../components/PageFrame'

/** 承诺: what 三亮 means, my pledge, and checking a plaque by its code. */
function PledgesPage() {
  const user = useCurrentUser()
  const member = user?.role === 'user'
  return (
    <View className="page pledges">
      <View className="card">
        <Text className="card__title">党员亮身份、亮职责、亮承诺</Text>
        <Text className="pledges__line">党员经营户和党员骑手公开承诺，接受群众监督。</Text>
        <Text className="pledges__line text-secondary">
          承诺经市场监管所审核后公开，扫承诺牌上的二维码即可查验真假、评价和举报。
        </Text>
      </View>
      {member ? (
        <View
          className="card pledges__entry"
          hoverClass="pledges__entry--pressed"
          onClick={() => Taro.navigateTo({ url: pledgePages.mine })}
        >
          <Text className="pledges__entry-title">我的承诺</Text>
          <Text className="pledges__chevron text-secondary">›</Text>
        </View>
      ) : (
        !user && (
          <View className="card">
            <Text className="pledges__line">党员经营户、党员骑手登录后可发布承诺。</Text>
            <Button
              className="btn"
              hoverClass="btn--pressed"
              onClick={() => Taro.switchTab({ url: mainPages.me })}
            >
              去登录
            </Button>
          </View>
        )
      )}
      <CheckCodeCard />
    </View>
  )
}

/** For someone who has a plaque's code but cannot scan it. */
function CheckCodeCard() {
  const [text, setText] = useState('')
  const [error, setError] = useState<string | undefined>()
  const check = () => {
    const code = typedCode(text)
    if (!text.trim()) return setError('请填写承诺牌上的查验码（二维码下方的字母和数字）')
    if (!code) return setError(MALFORMED_CODE_MESSAGE)
    setError(undefined)
    void Taro.navigateTo({ url: publicPledgeUrl(code) })
  }
  // The plaque's mini-program code gives a page path with the scene; its plain QR an address.
  const scan = async () => {
    const scanned = await Taro.scanCode({ scanType: ['qrCode'] }).catch(() => null)
    if (!scanned) return
    const code = typedCode(scanned.path || scanned.result)
    if (!code) return setError('这不是承诺牌上的二维码')
    setError(undefined)
    void Taro.navigateTo({ url: publicPledgeUrl(code) })
  }
  return (
    <View className="card">
      <Text className="card__title">查验承诺牌</Text>
      <TextField
        label="查验码"
        placeholder="输入承诺牌上的查验码，大小写均可"
        maxlength={40}
        value={text}
        error={error}
        onChange={(value) => {
          setText(value)
          setError(undefined)
        }}
        onConfirm={check}
      />
      <Button className="btn btn--primary" hoverClass="btn--pressed" onClick={check}>
        查验
      </Button>
      {/* A browser has no camera scanner; there the phone's own camera opens the QR's page. */}
      {process.env.TARO_ENV === 'weapp' && (
        <Button className="btn" hoverClass="btn--pressed" onClick={scan}>
          扫一扫承诺牌
        </Button>
      )}
    </View>
  )
}

export default withPageFrame(PledgesPage)
