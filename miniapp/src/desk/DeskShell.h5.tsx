import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { type ReactNode, useEffect } from 'react'
import { mainPages } from '../routes'
import { type DeskPlace, deskGroups, deskPlaceOf } from './menu'
import { laidOut, visible } from './on-screen'
import { useDeskLayout } from './useDeskLayout.h5'
import { usePendingCounts } from './usePendingCounts'
import './desk.scss'

/**
 * The browser build's frame for staff pages at a desk: the menu grouped by task with
 * pending counts, and above the page its title, breadcrumb and back. Narrower windows and
 * pages outside the staff menu show as on a phone.
 */
export default function DeskShell({ children }: { children: ReactNode }) {
  const { path } = useRouter()
  const desk = useDeskLayout()
  const place = desk ? deskPlaceOf(path) : null
  useDeskMode(place !== null)
  if (!place) return <>{children}</>
  return (
    <View className="desk">
      <DeskNav place={place} />
      <View className="desk__main">
        <DeskHeader place={place} />
        <View className="desk__content">{children}</View>
      </View>
    </View>
  )
}

function DeskNav({ place }: { place: DeskPlace }) {
  const counts = usePendingCounts()
  return (
    <View className="desk__nav" role="navigation" aria-label="工作台菜单">
      <Text className="desk__brand">党建通 · 工作台</Text>
      {deskGroups.map((group) => (
        <View key={group.label} className="desk__group">
          <Text className="desk__group-label">{group.label}</Text>
          {group.items.map((item) => {
            const current = item === place.item
            const count = item.pending ? counts?.[item.pending] : undefined
            return (
              <View
                key={item.url}
                className={`desk__item${current ? ' desk__item--current' : ''}`}
                hoverClass="desk__item--hover"
                aria-current={current ? 'page' : undefined}
                onClick={() => open(item.url)}
              >
                <Text>{item.label}</Text>
                {count !== undefined && count > 0 && (
                  <Text className="desk__count" aria-label={`待处理 ${count} 条`}>
                    {count}
                  </Text>
                )}
              </View>
            )
          })}
        </View>
      ))}
    </View>
  )
}

function DeskHeader({ place }: { place: DeskPlace }) {
  const parent = [...place.trail].reverse().find((step) => step.url)?.url
  return (
    <View className="desk__header">
      <View
        className="desk__back"
        hoverClass="desk__back--hover"
        aria-label="返回"
        onClick={() => back(parent)}
      >
        <Text>‹ 返回</Text>
      </View>
      <View className="desk__titles">
        <View className="desk__trail" aria-label="位置">
          {place.trail.map((step, index) => (
            <Text
              key={step.label}
              className={step.url ? 'desk__crumb desk__crumb--link' : 'desk__crumb'}
              onClick={step.url ? () => open(step.url ?? '') : undefined}
            >
              {index > 0 ? ` › ${step.label}` : step.label}
            </Text>
          ))}
        </View>
        <Text className="desk__title">{place.title}</Text>
      </View>
    </View>
  )
}

/** A menu page replaces the one shown (the desk keeps no stack of menu pages); 我的 is a tab. */
function open(url: string) {
  if (url === mainPages.me) Taro.switchTab({ url }).catch(() => undefined)
  else Taro.redirectTo({ url }).catch(() => undefined)
}

/** The page below when there is one; else the page this one sits under, else 我的. */
function back(parent: string | undefined) {
  if (Taro.getCurrentPages().length > 1) Taro.navigateBack().catch(() => undefined)
  else open(parent ?? mainPages.me)
}

/** Desk pages mounted now: a page left in the stack below keeps the desk on. */
let deskPages = 0

/** `desk-mode` on the body while any desk page is mounted: the tab bar hides (desk.scss). */
function useDeskMode(on: boolean) {
  useEffect(() => {
    if (!on) return
    deskPages += 1
    document.body.classList.add('desk-mode')
    if (deskPages === 1) document.addEventListener('keydown', dialogKeys)
    return () => {
      deskPages -= 1
      if (deskPages > 0) return
      document.body.classList.remove('desk-mode')
      document.removeEventListener('keydown', dialogKeys)
    }
  }, [on])
}

/**
 * Dialogs answer the keyboard at a desk: in WeChat's style of confirmation (Taro's
 * showModal) Enter confirms and Esc cancels; a sheet closes on Esc.
 */
function dialogKeys(event: KeyboardEvent) {
  if (event.key !== 'Enter' && event.key !== 'Escape') return
  // Shown, whatever its opacity: Taro fades it in after showing it, and Enter may come first.
  const modal = laidOut(document.querySelector('.taro__modal'))
  if (modal) {
    const button = modal.querySelector(
      event.key === 'Enter' ? '.taro-model__confirm' : '.taro-model__cancel',
    )
    if (button instanceof HTMLElement && button.style.display !== 'none') {
      event.preventDefault()
      button.click()
    }
    return
  }
  const sheet = Array.from(document.querySelectorAll('.sheet'))
    .map(visible)
    .find((element) => element !== null)
  if (!sheet) return
  // Ctrl+Enter is the dialog's own (useSubmitKey): it calls the form, not a button's DOM.
  if (event.key === 'Escape') {
    event.preventDefault()
    sheet.querySelector<HTMLElement>('.sheet__close')?.click()
  }
}
