import Taro from '@tarojs/taro'

/** Opens the privacy guide registered with WeChat; H5 has none, so it says where to find it. */
export function openPrivacyGuide(): void {
  if (process.env.TARO_ENV === 'weapp') {
    Taro.openPrivacyContract()
    return
  }
  Taro.showModal({
    title: '隐私保护指引',
    content: '完整的隐私保护指引请在微信小程序「党建通」中查看。',
    showCancel: false,
    confirmText: '知道了',
  })
}
