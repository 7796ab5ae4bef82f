import { ReportRequest } from '@djt/shared'
import { Button, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import PhotoPicker from '../../components/PhotoPicker'
import Sheet from '../../components/Sheet'
import TextAreaField from '../../components/TextAreaField'
import { useZodForm } from '../../forms/useZodForm'
import { useMutation } from '../../hooks/useMutation'
import { reportPledge } from '../../services/pledges'
import { reportInput } from './feedback'

interface Props {
  code: string
  onReported: () => void
  onClose: () => void
}

/** What promise was broken and how, with a photo if there is one; the bureau answers it. */
export default function ReportSheet({ code, onReported, onClose }: Props) {
  const form = useZodForm({
    schema: ReportRequest,
    initial: { text: '', photo: null as { id: string; preview: string } | null },
    toInput: reportInput,
  })
  const sending = useMutation({ fallback: '提交失败，请稍后重试' })
  const { text, photo } = form.values
  const problem = form.errors.text ?? form.message
  const busy = sending.busy

  const send = async () => {
    const request = form.validate()
    if (!request) return
    const outcome = await sending.run(async () => {
      const answer = await reportPledge(code, request)
      onReported()
      await Taro.showModal({
        title: '举报已收到',
        content: answer.message,
        showCancel: false,
        confirmText: '好的',
      })
    })
    if (!outcome.ok && outcome.error) form.show({}, outcome.error.message)
  }

  return (
    <Sheet title="举报违背承诺" onClose={onClose}>
      <Text className="public-sheet__lead text-secondary">
        市场监管所会核查并在本页公开处理结果。请如实填写，不要写他人电话等个人信息。
      </Text>
      <TextAreaField
        label="哪条承诺没有做到？"
        placeholder="如：标价8元一斤，结账按10元收"
        maxlength={200}
        value={text}
        error={problem ?? undefined}
        onChange={(value) => {
          form.set('text', value)
          form.show({}, null)
        }}
      />
      <PhotoPicker
        label="照片（选填）"
        photoId={photo?.id}
        preview={photo?.preview ?? null}
        onChange={(chosen) => form.set('photo', chosen)}
      />
      <Button
        className="btn btn--primary"
        hoverClass="btn--pressed"
        disabled={busy || undefined}
        onClick={send}
      >
        {busy ? '正在提交…' : '提交举报'}
      </Button>
    </Sheet>
  )
}
