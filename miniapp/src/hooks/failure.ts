import Taro from '@tarojs/taro'
import { ApiError } from '../services/http'

const UNEXPECTED = '出现了意外错误，请稍后重试'

/** Anything thrown as the services' error: a bug or a refused platform call says `fallback`. */
export function asApiError(error: unknown, fallback = UNEXPECTED): ApiError {
  if (error instanceof ApiError) return error
  return new ApiError({ code: 'internal_error', message: fallback, status: 0, cause: error })
}

/** Errors in a dialog: a toast cuts Chinese messages off after a few characters. */
export async function showFailure(title: string, error: unknown): Promise<void> {
  const content = error instanceof ApiError ? error.message : UNEXPECTED
  await Taro.showModal({ title, content, showCancel: false, confirmText: '知道了' })
}
