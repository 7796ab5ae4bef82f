import { useEffect, useState } from 'react'
import { useCurrentUser } from '../hooks/useSession'

/** From this width a browser gets the desk: navigation at the left, the page beside it. */
export const DESK_QUERY = '(min-width: 1024px)'

/** Whether the page shows in the desk layout: staff signed in, a browser this wide. */
export function useDeskLayout(): boolean {
  const staff = Boolean(useCurrentUser()?.staff)
  const [wide, setWide] = useState(() => window.matchMedia(DESK_QUERY).matches)
  useEffect(() => {
    const query = window.matchMedia(DESK_QUERY)
    const follow = () => setWide(query.matches)
    query.addEventListener('change', follow)
    return () => query.removeEventListener('change', follow)
  }, [])
  return staff && wide
}
