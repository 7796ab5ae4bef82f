import Taro from '@tarojs/taro'
import type { PersonalData } from '../services/me'
import { personalDataFileName, summarizePersonalData } from './personal-data'

/** H5 saves the export as a JSON file; WeChat has no downloads, so it offers the clipboard. */
export async function deliverPersonalData(data: PersonalData): Promise<void> {
  const json = JSON.stringify(data, null, 2)
  if (process.env.TARO_ENV === 'h5') {
    downloadFile(json, personalDataFileName())
    await Taro.showToast({ title: '已下载我的数据', icon: 'none' })
    return
  }
  const { confirm } = await Taro.showModal({
    title: '我的数据',
    content: `${summarizePersonalData(data).join('\n')}\n\n可复制全部内容（JSON 格式）后粘贴保存。`,
    confirmText: '复制全部',
    cancelText: '关闭',
  })
  if (confirm) await Taro.setClipboardData({ data: json })
}

function downloadFile(json: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  // Revoked after the click has been handled, so the download still has its data.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
