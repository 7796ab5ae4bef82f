import { Platform, PlatformSiteStatus, platformNames, platformSiteStatusNames } from '@djt/shared'
import { Button, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import RegionScope, { useRouteRegion } from '../../../components/RegionScope'
import SelectField, { optionsOf } from '../../../components/SelectField'
import StaffOnly from '../../../components/StaffOnly'
import { useCurrentUser } from '../../../hooks/useSession'
import type { PlatformSite } from '../../../services/platform-sites'
import SiteForm from '../../platform-sites/SiteForm'
import SiteList from '../../platform-sites/SiteList'
import { emptySiteDraft, siteDraftOf } from '../../platform-sites/site-model'
import { canRecordWork } from '../../work/work-model'
import './index.scss'
import { withPageFrame } from '../../../components/PageFrame'

const platformOptions = [{ value: '', label: '全部平台' }, ...optionsOf(platformNames)]
const statusOptions = [{ value: '', label: '全部状态' }, ...optionsOf(platformSiteStatusNames)]

/** 平台站点: the delivery platforms' local sites of my jurisdiction and their organisation. */
function PlatformSitesPage() {
  return (
    <StaffOnly>
      <PlatformSites />
    </StaffOnly>
  )
}

/** The form opens above the list: for a new site, or for the one tapped. */
type Editing = { site?: PlatformSite } | null

function PlatformSites() {
  const staff = useCurrentUser()?.staff
  const region = useRouteRegion()
  // A ledger figure opens the page for what it counted: its platform, active sites.
  const { params } = useRouter()
  const [platform, setPlatform] = useState(Platform.safeParse(params.platform).data ?? '')
  const [status, setStatus] = useState(PlatformSiteStatus.safeParse(params.status).data ?? '')
  const [editing, setEditing] = useState<Editing>(null)
  // A new key remounts the list: a changed filter or a saved site loads it again.
  const [saves, setSaves] = useState(0)
  if (!staff) return null
  const canWrite = canRecordWork(staff.level)
  const open = (site?: PlatformSite) => {
    setEditing({ site })
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
  }
  const ownCounty = staff.region.level === 'county' ? staff.region.code : ''
  return (
    <View className="page sites">
      <RegionScope region={region} />
      <SelectField label="平台" options={platformOptions} value={platform} onChange={setPlatform} />
      <SelectField label="状态" options={statusOptions} value={status} onChange={setStatus} />
      {canWrite && !editing && (
        <Button className="btn btn--primary" hoverClass="btn--pressed" onClick={() => open()}>
          新增站点
        </Button>
      )}
      {editing && (
        <SiteForm
          key={editing.site?.id ?? 'new'}
          editing={editing.site}
          initial={editing.site ? siteDraftOf(editing.site) : emptySiteDraft(ownCounty)}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null)
            setSaves((n) => n + 1)
          }}
        />
      )}
      <SiteList
        key={`${platform}-${status}-${saves}`}
        region={region}
        platform={Platform.safeParse(platform).data}
        status={PlatformSiteStatus.safeParse(status).data}
        onEdit={canWrite ? open : undefined}
      />
    </View>
  )
}

export default withPageFrame(PlatformSitesPage)
