import { Text, View } from '@tarojs/components'
import type { PlatformSite } from '../../services/platform-sites'
import EditActions from '../EditActions'
import { siteOrganisation, siteStatusText, siteSummary } from './site-model'

interface Props {
  site: PlatformSite
  /** Absent for station staff, who only read. */
  onEdit?: (() => void) | undefined
  onStatus?: (() => void) | undefined
  busy: boolean
}

/** One site: platform, county, riders, its organisation; 修改 and 关闭 or 恢复. */
export default function SiteItem({ site, onEdit, onStatus, busy }: Props) {
  return (
    <View className="card sites__item">
      <View className="sites__head">
        <Text className="sites__name">{site.name}</Text>
        <Text className={`sites__status sites__status--${site.status}`}>
          {siteStatusText(site)}
        </Text>
      </View>
      <Text className="sites__line text-secondary">{siteSummary(site)}</Text>
      <Text className="sites__line">{siteOrganisation(site)}</Text>
      {onEdit && onStatus && (
        <SiteActions site={site} busy={busy} onEdit={onEdit} onStatus={onStatus} />
      )}
    </View>
  )
}

/** 修改, and 关闭站点 or 恢复运营: under a card on a phone, at a row's end at the desk. */
export function SiteActions({
  site,
  busy,
  onEdit,
  onStatus,
}: {
  site: PlatformSite
  busy: boolean
  onEdit: () => void
  onStatus: () => void
}) {
  return (
    <EditActions
      busy={busy}
      onEdit={onEdit}
      status={site.status === 'active' ? '关闭站点' : '恢复运营'}
      onStatus={onStatus}
    />
  )
}
