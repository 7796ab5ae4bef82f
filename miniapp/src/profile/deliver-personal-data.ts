import Taro from '@tarojs/taro'
import { downloadMyData, fetchMyData } from '../services/me'

export function personalDataFileName(now = new Date()): string {
  return `我的数据-${now.toISOString().slice(0, 10)}.xlsx`
}

const MASKED = '手机号和身份证号只显示部分数字。'

/**
 * The export as a workbook a person can read (one sheet per part, Chinese headers): opened
 * in WeChat's document viewer, where 「…」 saves or forwards it; a download in H5.
 */
export async function deliverPersonalData(): Promise<void> {
  await Taro.showLoading({ title: '正在导出', mask: true })
  if (process.env.TARO_ENV === 'h5') {
    const fileName = personalDataFileName()
    await downloadMyData(fileName).finally(() => Taro.hideLoading())
    await Taro.showModal({
      title: '已导出我的数据',
      content: `文件“${fileName}”已保存到浏览器的下载文件夹，可用 Excel 或 WPS 打开。${MASKED}`,
      showCancel: false,
      confirmText: '知道了',
    })
    return
  }
  const filePath = await fetchMyData().finally(() => Taro.hideLoading())
  await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
  await Taro.showToast({
    title: `已打开我的数据，点右上角“…”可保存或转发。${MASKED}`,
    icon: 'none',
    duration: 4000,
  })
}
