import Taro from '@tarojs/taro'
import { showFailure } from '../../hooks/failure'
import { type MyPledge, withdrawPledge } from '../../services/pledges'
import { colours } from '../../styles/tokens'

/** Asks first; a withdrawn pledge's plaque shows 已撤销 to anyone who scans it. */
export async function confirmAndWithdraw(): Promise<MyPledge | null> {
  const { confirm } = await Taro.showModal({
    title: '撤回承诺',
    content:
      '撤回后，承诺牌扫码将显示“已撤销”，顾客不能再评价。如需重新公示，请重新提交承诺并等待审核。',
    confirmText: '确认撤回',
    confirmColor: colours.partyRed,
    cancelText: '再想想',
  })
  if (!confirm) return null
  try {
    const pledge = await withdrawPledge()
    await Taro.showToast({ title: '已撤回', icon: 'success' })
    return pledge
  } catch (error) {
    await showFailure('撤回未成功', error)
    return null
  }
}
