import type { PlaceSummary } from '@djt/shared'
import { type PageLoader as Loader, type PagedList, usePagedList } from '../hooks/usePagedList'

export type PlaceList = PagedList<PlaceSummary>
export type PageLoader = Loader<PlaceSummary>

/** A list of places page by page; a new loader starts over, `loadMore` follows the cursor. */
export const usePlaceList = (loader: PageLoader | null) => usePagedList(loader)
