import Taro from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { installPrivacyListener } from './privacy/queue'
import './app.scss'

// WeChat only: H5 has no privacy authorization, so the sheet never opens there.
if (process.env.TARO_ENV === 'weapp') {
  installPrivacyListener(Taro.onNeedPrivacyAuthorization?.bind(Taro))
}

/** Pages render as `children`; the app itself draws nothing. */
export default function App({ children }: PropsWithChildren) {
  return children
}
