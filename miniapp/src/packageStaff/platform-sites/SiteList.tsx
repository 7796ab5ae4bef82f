import { type Platform, type PlatformSiteStatus, platformNames } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import DeskTable from '../../desk/DeskTable'
import type { DeskColumn } from '../../desk/table'
import { useMutation } from '../../hooks/useMutation'
import { wholeList } from '../../hooks/usePagedList'
import { useRemote } from '../../hooks/useRemote'
import {
  fetchPlatformSites,
  type PlatformSite,
  updatePlatformSite,
} from '../../services/platform-sites'
import SiteItem, { SiteActions } from './SiteItem'
import { siteOrganisation, siteStatusText } from './site-model'

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
  const truncated = state.phase === 'loaded' && state.value.truncated
  const sites = wholeList(state.phase === 'loaded' ? { ...state, value: state.value.items } : state)
  const item = (site: PlatformSite) => (
    <SiteItem
      site={site}
      busy={updating.running === site.id}
      onEdit={onEdit && (() => onEdit(site))}
      onStatus={onEdit && (() => void changeStatus(site))}
    />
  )
  return (
    <View>
      <DeskTable
        caption="平台站点"
        list={sites}
        total={truncated ? null : sites.items.length}
        partial={truncated}
        columns={columns}
        keyOf={(site) => site.id}
        empty="辖区内还没有登记平台站点。"
        onMore={reload}
        onRetry={reload}
        card={item}
        {...(onEdit
          ? {
              onOpen: onEdit,
              actions: (site: PlatformSite) => (
                <SiteActions
                  site={site}
                  busy={updating.running === site.id}
                  onEdit={() => onEdit(site)}
                  onStatus={() => void changeStatus(site)}
                />
              ),
            }
          : {})}
      />
      {truncated && (
        <Text className="sites__line text-secondary">只显示前500个站点，请按平台筛选。</Text>
      )}
    </View>
  )
}

const columns: DeskColumn<PlatformSite>[] = [
  {
    key: 'platform',
    title: '平台',
    value: (site) => platformNames[site.platform],
    sortable: true,
    filter: 'choice',
    width: '7em',
  },
  { key: 'name', title: '站点', value: (site) => site.name, sortable: true, filter: 'text' },
  {
    key: 'region',
    title: '区县',
    value: (site) => site.regionName,
    sortable: true,
    filter: 'choice',
  },
  {
    key: 'riders',
    title: '骑手',
    value: (site) => site.riderCount ?? -1,
    render: (site) => (site.riderCount === null ? '—' : site.riderCount),
    sortable: true,
    width: '5em',
  },
  {
    key: 'members',
    title: '党员骑手',
    value: (site) => site.memberRiderCount,
    sortable: true,
    width: '6em',
  },
  { key: 'org', title: '党组织', value: (site) => siteOrganisation(site), filter: 'text' },
  {
    key: 'status',
    title: '状态',
    value: (site) => siteStatusText(site),
    filter: 'choice',
    width: '6em',
  },
]
