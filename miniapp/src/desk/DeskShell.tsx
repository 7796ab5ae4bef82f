import type { ReactNode } from 'react'

/**
 * The mini-program shows every page as it is: the desk layout is for a browser at a desk
 * (`DeskShell.h5.tsx`, which Taro's H5 build picks instead of this file), so none of its
 * code reaches the WeChat package.
 */
export default function DeskShell({ children }: { children: ReactNode }) {
  return <>{children}</>
}
