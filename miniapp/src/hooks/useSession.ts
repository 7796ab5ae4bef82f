import type { Me } from '@djt/shared'
import { useEffect, useState } from 'react'
import { currentUser, sessionStore } from '../services/session'

/** Who is signed in (null when nobody), re-rendering on sign-in, sign-out and profile changes. */
export function useCurrentUser(): Me | null {
  const [user, setUser] = useState(currentUser)
  useEffect(() => {
    const sync = () => setUser(currentUser())
    sync() // a change between the first render and this subscription
    return sessionStore.subscribe(sync)
  }, [])
  return user
}
