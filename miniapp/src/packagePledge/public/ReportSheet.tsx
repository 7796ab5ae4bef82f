import { Button, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import PhotoPicker from '../../components/PhotoPicker'
import Sheet from '../../components/Sheet'
import TextAreaField from '../../components/TextAreaField'
import { ApiError } from '../../services/http'
import { reportPledge } from '../../services/pledges'
import { checkReport } from './feedback'

interface Props {
  code: string
  onReported: () => void
  onClose: () => void
}

/** What promise was broken and how, with a photo if there is one; the bureau answers it. */
export default function ReportSheet({ code, onReported, onClose }: Props) {
  const [text, setText] = useState('')
  const [photo, setPhoto] = useState<{ id: string; preview: string } | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const send = async () => {
    const checked = checkReport(text, photo?.id)
    if (!checked.ok) return setProblem(checked.problem)
    if (busy) return
    setBusy(true)
    setProblem(null)
    try {
      const answer = await reportPledge(code, checked.request)
      onReported()
      await Taro.showModal({
        title: '举报已收到',
        content: answer.message,
        showCancel: false,
        confirmText: '好的',
      })
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : '提交失败，请稍后重试')
    } finally {
      setBusy(false)
    }
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
          setText(value)
          setProblem(null)
        }}
      />
      <PhotoPicker
        label="照片（选填）"
        photoId={photo?.id}
        preview={photo?.preview ?? null}
        onChange={setPhoto}
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
