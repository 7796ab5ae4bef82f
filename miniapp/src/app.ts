import Taro from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { z } from 'zod'
import { installPrivacyListener } from './privacy/queue'
import { startSessionOnLaunch } from './services/session'
import './app.scss'

// zod would probe `new Function` to compile its checks: WeChat's engine forbids it, and the
// H5 pages' Content-Security-Policy (script-src 'self') refuses it with a console error.
z.config({ jitless: true })

// WeChat only: H5 has no privacy authorization, so the sheet never opens there.
if (process.env.TARO_ENV === 'weapp') {
  installPrivacyListener(Taro.onNeedPrivacyAuthorization?.bind(Taro))
}

// WeChat signs in silently when nothing is stored; H5 only restores a stored session.
void startSessionOnLaunch()

/** Pages render as `children`; the app itself draws nothing. */
export default function App({ children }: PropsWithChildren) {
  return children
}
