import type { Platform, PlatformSiteStatus } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { PageNotice } from '../../components/StaffOnly'
import { useMutation } from '../../hooks/useMutation'
import { useRemote } from '../../hooks/useRemote'
import {
  fetchPlatformSites,
  type PlatformSite,
  updatePlatformSite,
} from '../../services/platform-sites'
import SiteItem from './SiteItem'

interface Props {
  region: string | undefined
  platform: Platform | undefined
  /** A ledger figure counts the active ones; unset lists every status. */
  status?: PlatformSiteStatus | undefined
  /** Absent for station staff, who only read. */
  onEdit?: ((site: PlatformSite) => void) | undefined
}

/** My jurisdiction's sites of one platform (or all); closing asks first. */
export default function SiteList({ region, platform, status, onEdit }: Props) {
  const load = useCallback(
    () => fetchPlatformSites({ region, platform, status }),
    [region, platform, status],
  )
  const { state, reload } = useRemote(load)
  const updating = useMutation<string>({ failure: { dialog: '操作未成功' } })
  const changeStatus = async (site: PlatformSite) => {
    const status = site.status === 'active' ? 'closed' : 'active'
    if (status === 'closed') {
      const { confirm } = await Taro.showModal({
        title: '关闭站点',
        content: `关闭后「${site.name}」不再计入台账，可随时恢复。`,
        confirmText: '关闭',
      })
      if (!confirm) return
    }
    const outcome = await updating.run(() => updatePlatformSite(site.id, { status }), site.id)
    if (outcome.ok) reload()
  }
  if (state.phase === 'loading') return <Text className="text-secondary">正在加载…</Text>
  if (state.phase === 'failed') return <PageNotice text={state.error.message} onRetry={reload} />
  const { items, truncated } = state.value
  return (
    <View>
      {items.length === 0 && <PageNotice text="辖区内还没有登记平台站点。" />}
      {items.map((site) => (
        <SiteItem
          key={site.id}
          site={site}
          busy={updating.running === site.id}
          onEdit={onEdit && (() => onEdit(site))}
          onStatus={onEdit && (() => void changeStatus(site))}
        />
      ))}
      {truncated && (
        <Text className="sites__line text-secondary">只显示前500个站点，请按平台筛选。</Text>
      )}
    </View>
  )
}
