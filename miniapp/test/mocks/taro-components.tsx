/**
 * Plain DOM stand-ins for the Taro components the app uses (View→div, Text→span,
 * Button→button). Taro-only props are dropped so React does not warn about them.
 */
import type { ReactNode } from 'react'

interface Common {
  id?: string
  className?: string
  children?: ReactNode
  onClick?: (event: unknown) => void
  hoverClass?: string
  catchMove?: boolean
}

export function View({ id, className, children, onClick }: Common) {
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: mirrors Taro's clickable View
    // biome-ignore lint/a11y/useKeyWithClickEvents: mirrors Taro's clickable View
    <div id={id} className={className} onClick={onClick}>
      {children}
    </div>
  )
}

export function Text({ id, className, children, onClick }: Common) {
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: mirrors Taro's clickable Text
    // biome-ignore lint/a11y/useKeyWithClickEvents: mirrors Taro's clickable Text
    <span id={id} className={className} onClick={onClick}>
      {children}
    </span>
  )
}

interface ButtonProps extends Common {
  openType?: string
  disabled?: boolean
  onAgreePrivacyAuthorization?: (event: unknown) => void
}

/** Like WeChat, a tap on an `agreePrivacyAuthorization` button fires its agree event. */
export function Button({ openType, onAgreePrivacyAuthorization, ...props }: ButtonProps) {
  const { id, className, children, onClick, disabled } = props
  return (
    <button
      type="button"
      id={id}
      className={className}
      disabled={disabled}
      data-open-type={openType}
      onClick={(event) => {
        onClick?.(event)
        if (openType === 'agreePrivacyAuthorization') onAgreePrivacyAuthorization?.(event)
      }}
    >
      {children}
    </button>
  )
}
