import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import type { UploadSource } from '../../services/registers'

interface Props {
  file: UploadSource | null
  onPick: (file: UploadSource) => void
}

const EXTENSIONS = ['csv', 'xlsx']

/**
 * The register file: the browser's own file input in H5; in WeChat a file from a chat
 * (a mini-program cannot browse the phone's storage), e.g. one sent to 文件传输助手.
 */
export default function FilePicker({ file, onPick }: Props) {
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
        extension: EXTENSIONS,
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
          aria-label="选择名录文件"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
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
        {file ? `已选择：${file.name}` : '支持 CSV 或 XLSX 文件'}
      </Text>
    </View>
  )
}
