import { useKeys } from '../hooks/useKeys'
import { BesideContext } from './beside'
import type { DeskSplitProps } from './DeskSplit'
import './split.scss'

/**
 * At the desk, the record a row opened sits beside the list (the list narrows, its scroll and
 * filters stay); Esc or 关闭 puts the list back to full width.
 */
export default function DeskSplit({ children, detail, title, onClose }: DeskSplitProps) {
  useKeys({ Escape: onClose }, detail !== null)
  if (detail === null) return <>{children}</>
  return (
    <div className="desk-split">
      <div className="desk-split__list">
        <BesideContext.Provider value={true}>{children}</BesideContext.Provider>
      </div>
      <section className="desk-split__detail" aria-label={title}>
        <div className="desk-split__bar">
          <span className="desk-split__title">{title}</span>
          <button type="button" className="desk-split__close" onClick={onClose}>
            关闭（Esc）
          </button>
        </div>
        {detail}
      </section>
    </div>
  )
}
