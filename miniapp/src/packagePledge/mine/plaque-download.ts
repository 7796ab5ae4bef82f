import Taro from '@tarojs/taro'
import { showFailure } from '../../hooks/failure'
import { downloadMyPlaque, fetchMyPlaque, plaqueFileName } from '../../services/pledges'

export const PLAQUE_TEST_ADDRESS = '此承诺牌的二维码指向测试地址，正式使用前请联系管理员'

type Format = 'png' | 'pdf'

/**
 * Downloads the plaque with a visible progress and says where it went: the photo album
 * (PNG) or WeChat's document viewer (PDF) in the mini-program, the downloads folder in H5.
 */
export async function downloadPlaque(format: Format): Promise<void> {
  let filePath: string
  await Taro.showLoading({ title: '正在下载承诺牌', mask: true })
  try {
    if (process.env.TARO_ENV === 'h5') {
      await downloadMyPlaque(format)
      filePath = ''
    } else {
      filePath = await fetchMyPlaque(format, progressShower())
    }
  } catch (error) {
    await Taro.hideLoading()
    await showFailure('下载未成功', error)
    return
  }
  await Taro.hideLoading()
  try {
    if (process.env.TARO_ENV === 'h5') await saidDownloaded(format)
    else if (format === 'png') await saveToAlbum(filePath)
    else await openPdf(filePath)
  } catch (error) {
    await showFailure(format === 'png' ? '保存未成功' : '打开未成功', error)
  }
}

/** Updates the loading title in steps of 10 %, not on every chunk. */
function progressShower(): (percent: number) => void {
  let shown = 0
  return (percent) => {
    if (percent < shown + 10 && percent < 100) return
    shown = percent
    void Taro.showLoading({ title: `正在下载 ${percent}%`, mask: true })
  }
}

async function saidDownloaded(format: Format): Promise<void> {
  await Taro.showModal({
    title: '承诺牌已下载',
    content: `文件“${plaqueFileName(format)}”已保存到浏览器的下载文件夹，可以拿去打印（A5 大小）。`,
    showCancel: false,
    confirmText: '知道了',
  })
}

async function saveToAlbum(filePath: string): Promise<void> {
  try {
    await Taro.saveImageToPhotosAlbum({ filePath })
  } catch (cause) {
    const errMsg = String((cause as { errMsg?: string })?.errMsg ?? cause)
    if (/cancel/i.test(errMsg)) return
    if (/auth|deny|denied|permission/i.test(errMsg)) return explainAlbumDenied()
    throw cause
  }
  await Taro.showModal({
    title: '已保存到手机相册',
    content: '承诺牌图片已保存到手机相册。可以拿到打印店按 A5 大小打印，贴在摊位或车上显眼处。',
    showCancel: false,
    confirmText: '知道了',
  })
}

/** WeChat asks once; after a refusal only the settings page can allow the album again. */
async function explainAlbumDenied(): Promise<void> {
  const { confirm } = await Taro.showModal({
    title: '没能保存到相册',
    content:
      '你没有允许“党建通”保存图片到相册。请点“去设置”，打开“添加到相册”，再回来点一次“下载承诺牌”。',
    confirmText: '去设置',
    cancelText: '取消',
  })
  if (confirm) await Taro.openSetting()
}

async function openPdf(filePath: string): Promise<void> {
  await Taro.openDocument({ filePath, fileType: 'pdf', showMenu: true })
  await Taro.showToast({
    title: '已打开承诺牌 PDF，点右上角“…”可转发到电脑打印',
    icon: 'none',
    duration: 4000,
  })
}
