import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import type { UploadSource } from '../../services/registers'

interface Props {
  file: UploadSource | null
  onPick: (file: UploadSource) => void
  /** Without the dot; CSV and XLSX unless said otherwise. */
  extensions?: readonly string[]
  /** What the file holds, for the input's accessible name: 选择{label}文件. */
  label?: string
}

const REGISTER_EXTENSIONS = ['csv', 'xlsx']
const MIME: Record<string, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json',
  json: 'application/json',
}

/**
 * The register file: the browser's own file input in H5; in WeChat a file from a chat
 * (a mini-program cannot browse the phone's storage), e.g. one sent to 文件传输助手.
 */
export default function FilePicker({
  file,
  onPick,
  extensions = REGISTER_EXTENSIONS,
  label = '名录',
}: Props) {
  const input = useRef<HTMLInputElement>(null)
  // Once uploaded the choice is cleared: the browser's input must not still name the file.
  useEffect(() => {
    if (!file && input.current) input.current.value = ''
  }, [file])
  const chooseInWechat = async () => {
    try {
      const { tempFiles } = await Taro.chooseMessageFile({
        count: 1,
        type: 'file',
        extension: [...extensions],
      })
      const picked = tempFiles[0]
      if (picked) onPick({ path: picked.path, name: picked.name })
    } catch {
      // Closed without choosing.
    }
  }
  return (
    <View className="import__file">
      {process.env.TARO_ENV === 'h5' ? (
        <input
          ref={input}
          className="import__input"
          type="file"
          aria-label={`选择${label}文件`}
          accept={acceptOf(extensions)}
          onChange={(event) => {
            const picked = event.target.files?.[0]
            if (picked) onPick({ blob: picked, name: picked.name })
          }}
        />
      ) : (
        <Button className="btn" hoverClass="btn--pressed" onClick={chooseInWechat}>
          从聊天记录中选择文件
        </Button>
      )}
      <Text className="text-secondary import__file-name">
        {file
          ? `已选择：${file.name}`
          : `支持 ${extensions.map((e) => e.toUpperCase()).join('、')} 文件`}
      </Text>
    </View>
  )
}

/** `.csv,.xlsx,text/csv,…`: the extensions and their media types. */
function acceptOf(extensions: readonly string[]): string {
  const types = extensions.flatMap((ext) => (MIME[ext] ? [MIME[ext]] : []))
  return [...extensions.map((ext) => `.${ext}`), ...types].join(',')
}
