import { Button, Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { useMutation } from '../../hooks/useMutation'
import { type UploadSource, uploadPhoto } from '../../services/pledges'
import './index.scss'

const MAX_BYTES = 2 * 1024 * 1024
const TOO_BIG = '照片不能超过2MB，请换一张或裁小一些'

interface Props {
  label: string
  /** The uploaded photo's id; a preview when this phone has one. */
  photoId: string | undefined
  preview: string | null
  onChange: (photo: { id: string; preview: string } | null) => void
  error?: string | undefined
}

/** An optional photo: the album or camera in WeChat, a file input in H5; uploaded at once. */
export default function PhotoPicker({ label, photoId, preview, onChange, error }: Props) {
  const upload = useMutation({ fallback: '照片上传失败，请稍后重试' })
  const busy = upload.busy
  const [problem, setProblem] = useState<string | null>(null)

  const send = async (file: UploadSource, size: number, localUrl: string) => {
    if (size > MAX_BYTES) return setProblem(TOO_BIG)
    setProblem(null)
    const outcome = await upload.run(() => uploadPhoto(file))
    if (outcome.ok) onChange({ id: outcome.value, preview: localUrl })
    else if (outcome.error) setProblem(outcome.error.message)
  }
  const chooseInWechat = async () => {
    try {
      const { tempFiles } = await Taro.chooseImage({
        count: 1,
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
      })
      const picked = tempFiles[0]
      if (picked) await send({ path: picked.path, name: 'photo.jpg' }, picked.size, picked.path)
    } catch {
      // Closed without choosing.
    }
  }

  return (
    <View className="photo-picker">
      <Text className="photo-picker__label">{label}</Text>
      {photoId && (
        <View className="photo-picker__chosen">
          {preview ? (
            <Image className="photo-picker__preview" src={preview} mode="aspectFill" />
          ) : (
            <Text>已上传照片</Text>
          )}
          <Text className="link photo-picker__remove" onClick={() => onChange(null)}>
            删除照片
          </Text>
        </View>
      )}
      {process.env.TARO_ENV === 'h5' ? (
        <input
          className="photo-picker__input"
          type="file"
          aria-label={label}
          accept="image/jpeg,image/png"
          onChange={(event) => {
            const file = event.target.files?.[0]
            if (file)
              void send({ blob: file, name: file.name }, file.size, URL.createObjectURL(file))
          }}
        />
      ) : (
        <Button
          className="btn"
          hoverClass="btn--pressed"
          disabled={busy || undefined}
          onClick={chooseInWechat}
        >
          {photoId ? '更换照片' : '拍照或从相册选择'}
        </Button>
      )}
      {busy && <Text className="text-secondary photo-picker__note">正在上传…</Text>}
      {(problem ?? error) && <Text className="photo-picker__error">{problem ?? error}</Text>}
    </View>
  )
}
