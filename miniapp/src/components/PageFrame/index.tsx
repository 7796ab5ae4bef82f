import { NavigationBar, PageMeta } from '@tarojs/components'
import { getCurrentInstance } from '@tarojs/taro'
import type { ComponentType } from 'react'
import DeskShell from '../../desk/DeskShell'
import { useDemoMode } from '../../hooks/useDemoMode'
import DemoBanner from '../DemoBanner'

/**
 * WeChat: the page follows the user's WeChat font size (1rem = that size; see app.scss).
 * It must be the page's first node, and the page's config needs `enablePageMeta: true`.
 * Taro's page template always writes a navigation-bar inside the page-meta, so it is
 * given the page's configured title rather than an empty one. (Taro 4.2's template has no
 * page-font-size: the root font size is what the rem sizes follow.) A browser has no such
 * node: there 1rem is the browser's own font size already.
 */
export function FollowFontSetting() {
  if (process.env.TARO_ENV !== 'weapp') return null
  const title = getCurrentInstance().page?.config?.navigationBarTitleText
  return (
    <PageMeta rootFontSize="system">
      <NavigationBar title={title ?? ''} />
    </PageMeta>
  )
}

/**
 * Every page: WeChat's font size followed, the demo banner above the page while the
 * server runs on demo data (`ownBanner`: the page places the banner itself), and in a
 * browser at a desk a staff page inside the desk's navigation (desk/DeskShell.h5.tsx).
 */
export function withPageFrame<P extends object>(
  Page: ComponentType<P>,
  { ownBanner = false }: { ownBanner?: boolean } = {},
): ComponentType<P> {
  function FramedPage(props: P) {
    const demo = useDemoMode()
    return (
      <>
        <FollowFontSetting />
        {demo && !ownBanner && <DemoBanner standalone />}
        <DeskShell>
          <Page {...props} />
        </DeskShell>
      </>
    )
  }
  return FramedPage
}
