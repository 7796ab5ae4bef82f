import {
  type Platform,
  PlatformSite,
  type PlatformSiteInput,
  PlatformSiteList,
  type PlatformSiteStatus,
} from '@djt/shared'
import { get, post, request } from './http'

export type { PlatformSite, PlatformSiteInput, PlatformSiteList } from '@djt/shared'

/**
 * My jurisdiction's platform sites, open ones first; `region` (inside it, else 403) and
 * `platform` narrow the list.
 */
export function fetchPlatformSites(filter: {
  region?: string | undefined
  platform?: Platform | undefined
  status?: PlatformSiteStatus | undefined
}): Promise<PlatformSiteList> {
  return get('/platform-sites', PlatformSiteList, filter)
}

/** County staff and above; the county must lie in the caller's jurisdiction (else 403). */
export function createPlatformSite(site: PlatformSiteInput): Promise<PlatformSite> {
  return post('/platform-sites', site, PlatformSite)
}

/** The whole site again (a correction), a new status (close, reopen), or both. */
export function updatePlatformSite(
  id: string,
  change: { site?: PlatformSiteInput; status?: PlatformSiteStatus },
): Promise<PlatformSite> {
  return request({
    method: 'PATCH',
    path: `/platform-sites/${encodeURIComponent(id)}`,
    body: change,
    schema: PlatformSite,
  })
}
