import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { type ReactNode, useEffect, useState } from 'react'
import { useCurrentUser } from '../hooks/useSession'
import { mainPages } from '../routes'
import { type DeskPlace, deskGroups, deskPlaceOf } from './menu'
import { usePendingCounts } from './usePendingCounts'
import './desk.scss'

/** From this width a browser gets the desk: navigation at the left, the page beside it. */
const DESK_QUERY = '(min-width: 1024px)'

/**
 * The browser build's frame for staff pages at a desk: the menu grouped by task with
 * pending counts, and above the page its title, breadcrumb and back. Narrower windows and
 * pages outside the staff menu show as on a phone.
 */
export default function DeskShell({ children }: { children: ReactNode }) {
  const { path } = useRouter()
  const user = useCurrentUser()
  const wide = useWideScreen()
  const place = user?.staff && wide ? deskPlaceOf(path) : null
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

function useWideScreen(): boolean {
  const [wide, setWide] = useState(() => window.matchMedia(DESK_QUERY).matches)
  useEffect(() => {
    const query = window.matchMedia(DESK_QUERY)
    const follow = () => setWide(query.matches)
    query.addEventListener('change', follow)
    return () => query.removeEventListener('change', follow)
  }, [])
  return wide
}

/** `desk-mode` on the body: the riders' tab bar hides, dialogs centre (desk.scss). */
function useDeskMode(on: boolean) {
  useEffect(() => {
    if (!on) return
    document.body.classList.add('desk-mode')
    return () => document.body.classList.remove('desk-mode')
  }, [on])
}
