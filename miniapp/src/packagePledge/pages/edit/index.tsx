import { chinaDateTime } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { type ReactNode, useState } from 'react'
import PhotoPicker from '../../../components/PhotoPicker'
import { useCurrentUser } from '../../../hooks/useSession'
import { mainPages, memberPages, pledgePages } from '../../../routes'
import IdentityFields from '../../edit/IdentityFields'
import PromiseEditor from '../../edit/PromiseEditor'
import { usePledgeForm } from '../../edit/usePledgeForm'
import './index.scss'
import { withPageFrame } from '../../../components/PageFrame'

/** 填写承诺: 亮身份, 亮职责, 亮承诺 and a photo; checked here, then sent for approval. */
function PledgeEditPage() {
  const user = useCurrentUser()
  const member = user?.role === 'user' ? user : null
  const pledge = usePledgeForm(member?.id)
  const { state, form } = pledge
  const [preview, setPreview] = useState<string | null>(null)

  if (!member) {
    return (
      <Notice text="请先登录后再填写承诺。">
        <Button className="btn btn--primary" onClick={() => Taro.switchTab({ url: mainPages.me })}>
          去登录
        </Button>
      </Notice>
    )
  }
  if (state.phase === 'loading') return <Notice text="正在加载…" />
  if (state.phase === 'failed') return <Notice text={state.message} />
  if (state.phase === 'ineligible') {
    const reason = state.phase === 'ineligible' ? state.answer.reason : null
    return (
      <Notice text={reason ?? '只有已核验的党员经营户或党员骑手可以发布承诺。'}>
        <Button className="btn" onClick={() => Taro.navigateTo({ url: memberPages.register })}>
          去党员登记
        </Button>
      </Notice>
    )
  }
  const kind = state.answer.kind ?? 'operator'
  const submit = async () => {
    if (await pledge.submit()) Taro.redirectTo({ url: pledgePages.mine })
  }
  return (
    <View className="page pledge-edit">
      {state.restoredAt && (
        <Text className="pledge-edit__note">
          已恢复 {chinaDateTime(state.restoredAt)} 保存在本机、尚未提交的内容。
        </Text>
      )}
      <IdentityFields kind={kind} form={form} />
      <PromiseEditor form={form} templates={state.templates} />
      <View className="card" id="pledge-photoId">
        <PhotoPicker
          label={kind === 'operator' ? '摊位照片（选填）' : '工作照片（选填）'}
          photoId={form.values.photoId}
          preview={preview}
          error={form.errors.photoId}
          onChange={(photo) => {
            setPreview(photo?.preview ?? null)
            form.set('photoId', photo?.id)
          }}
        />
      </View>
      {form.message && (
        <Text className="pledge-edit__error" id="pledge-message">
          {form.message}
        </Text>
      )}
      <Button
        className="btn btn--primary pledge-edit__submit"
        hoverClass="btn--pressed"
        disabled={form.busy || undefined}
        onClick={submit}
      >
        {form.busy ? '正在提交…' : '提交审核'}
      </Button>
      <Text className="pledge-edit__footnote text-secondary">
        填写内容会自动保存在本机。提交后由市场监管所审核，通过后才会公开。
      </Text>
    </View>
  )
}

function Notice({ text, children }: { text: string; children?: ReactNode }) {
  return (
    <View className="page pledge-edit">
      <View className="card">
        <Text className="text-secondary">{text}</Text>
        {children}
      </View>
    </View>
  )
}

export default withPageFrame(PledgeEditPage)
