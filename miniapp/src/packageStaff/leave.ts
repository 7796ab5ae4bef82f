import Taro from '@tarojs/taro'
import { mainPages } from '../routes'

/** Back to where the staff page was opened from; to 我的 when it was opened directly. */
export function leaveToMe(): void {
  if (Taro.getCurrentPages().length > 1) Taro.navigateBack()
  else Taro.switchTab({ url: mainPages.me })
}
