import type { PlaceSummary } from '@djt/shared'
import { type PageLoader as Loader, type PagedList, usePagedList } from '../hooks/usePagedList'
import type { Coverage } from './reach'

export type PlaceList = PagedList<PlaceSummary, Coverage>
export type PageLoader = Loader<PlaceSummary, Coverage>

/** A list of places page by page; a new loader starts over, `loadMore` follows the cursor. */
export const usePlaceList = (loader: PageLoader | null) => usePagedList(loader)
