import Taro from '@tarojs/taro'
import { showFailure } from '../hooks/failure'
import { removeLocalDraft } from '../membership/local-draft'
import { cancelMyAccount, currentUser } from '../services/session'
import { colours } from '../styles/tokens'
import { deliverPersonalData } from './deliver-personal-data'

/** What cancellation erases, said before the user confirms (PIPL). */
export const CANCELLATION_WARNING =
  '注销后将立即删除你的账号信息：微信身份标识、登记的身份类别和隐私同意记录，并在所有设备上退出登录。此操作无法撤销。系统操作日志依法保留至少6个月，但不再与你的微信身份关联。'

/** Asks first; cancels only on an explicit 确认注销. Resolves whether it happened. */
export async function confirmAndCancelAccount(): Promise<boolean> {
  const { confirm } = await Taro.showModal({
    title: '注销账号',
    content: CANCELLATION_WARNING,
    confirmText: '确认注销',
    confirmColor: colours.partyRed,
    cancelText: '再想想',
  })
  if (!confirm) return false
  const userId = currentUser()?.id
  try {
    await cancelMyAccount()
  } catch (error) {
    await showFailure('注销失败', error)
    return false
  }
  // A registration form typed on this phone goes with the account.
  if (userId) removeLocalDraft(userId)
  await Taro.showToast({ title: '账号已注销', icon: 'none' })
  return true
}

export async function exportAndDeliverMyData(): Promise<void> {
  try {
    await deliverPersonalData()
  } catch (error) {
    await showFailure('导出失败', error)
  }
}
