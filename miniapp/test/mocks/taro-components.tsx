/**
 * Plain DOM stand-ins for the Taro components the app uses (View→div, Text→span,
 * Button→button, Input→input, Textarea→textarea, Switch→checkbox, Image→img). Taro-only
 * props are dropped so React does not warn about them.
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

interface InputProps {
  className?: string
  placeholder?: string
  value?: string
  password?: boolean
  type?: string
  maxlength?: number
  onInput?: (event: { detail: { value: string } }) => void
  onConfirm?: (event: { detail: { value: string } }) => void
}

/** Taro reports typing as `detail.value`, and the keyboard's done key as confirm. */
export function Input({
  className,
  placeholder,
  value,
  password,
  type,
  maxlength,
  ...on
}: InputProps) {
  return (
    <input
      className={className}
      placeholder={placeholder}
      value={value}
      type={password ? 'password' : type === 'number' ? 'tel' : 'text'}
      maxLength={maxlength}
      onChange={(event) => on.onInput?.({ detail: { value: event.target.value } })}
      onKeyDown={(event) => {
        if (event.key === 'Enter') on.onConfirm?.({ detail: { value: event.currentTarget.value } })
      }}
    />
  )
}

export function Image({
  className,
  src,
  onClick,
  'aria-label': label,
}: {
  className?: string
  src: string
  mode?: string
  onClick?: () => void
  'aria-label'?: string
}) {
  // biome-ignore lint/a11y/useKeyWithClickEvents: a mock of WeChat's image, tapped in tests
  return <img className={className} src={src} alt={label ?? ''} onClick={onClick} />
}

interface TextareaProps {
  className?: string
  placeholder?: string
  value?: string
  maxlength?: number
  onInput?: (event: { detail: { value: string } }) => void
}

export function Textarea({ className, placeholder, value, maxlength, onInput }: TextareaProps) {
  return (
    <textarea
      className={className}
      placeholder={placeholder}
      value={value}
      maxLength={maxlength}
      onChange={(event) => onInput?.({ detail: { value: event.target.value } })}
    />
  )
}

interface SwitchProps {
  checked?: boolean
  onChange?: (event: { detail: { value: boolean } }) => void
}

/** A checkbox with the switch role; Taro reports the new state as `detail.value`. */
export function Switch({ checked, onChange }: SwitchProps) {
  return (
    <input
      type="checkbox"
      role="switch"
      aria-checked={checked ?? false}
      checked={checked ?? false}
      onChange={(event) => onChange?.({ detail: { value: event.target.checked } })}
    />
  )
}

/** Only its children: tests run the H5 branches, where pickers are plain form elements. */
export function Picker({ children }: { children?: ReactNode }) {
  return <div>{children}</div>
}

export function ScrollView({ className, children }: Common & { scrollX?: boolean }) {
  return <div className={className}>{children}</div>
}

interface MapProps {
  id?: string
  className?: string
  markers?: { id: number; title?: string; callout?: { content: string } }[]
  includePoints?: unknown[]
  onCalloutTap?: (event: { detail: { markerId: number } }) => void
}

/** WeChat's map as a list of its markers; a tap on one stands for a tap on its bubble. */
function MapStandIn({ id, className, markers = [], includePoints = [], onCalloutTap }: MapProps) {
  return (
    <div id={id} className={className} data-include-points={includePoints.length}>
      {markers.map((marker) => (
        <button
          type="button"
          key={marker.id}
          data-callout={marker.callout?.content}
          onClick={() => onCalloutTap?.({ detail: { markerId: marker.id } })}
        >
          {marker.title}
        </button>
      ))}
    </div>
  )
}

// Exported under Taro's name; declared under another so the global Map stays visible here.
export { MapStandIn as Map }

/** WeChat's page-meta: drawn as nothing, its props kept for tests to read. */
export function PageMeta({
  rootFontSize,
  children,
}: {
  rootFontSize?: string
  children?: ReactNode
}) {
  return (
    <div data-page-meta data-root-font-size={rootFontSize}>
      {children}
    </div>
  )
}

export function NavigationBar({ title }: { title?: string }) {
  return <div data-navigation-bar data-title={title} />
}
