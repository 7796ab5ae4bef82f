import type { ReactNode } from 'react'

export interface DeskSplitProps {
  /** The list; alone on a phone and in WeChat, where a row opens its own page. */
  children: ReactNode
  /** What a row opened, shown beside the list at the desk; null when nothing is open. */
  detail: ReactNode | null
  /** What the detail is, for screen readers and the close button: 承诺详情. */
  title: string
  onClose: () => void
}

/**
 * A list with the record it opened beside it at the desk. In the mini-program nothing opens
 * beside (rows open pages), so this build shows the list alone; DeskSplit.h5.tsx lays the two
 * out side by side in the browser.
 */
export default function DeskSplit({ children }: DeskSplitProps) {
  return <>{children}</>
}
