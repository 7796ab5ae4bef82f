import { useEffect, useState } from 'react'
import { fetchServiceStatus } from '../services/status'

// The server's demo flag does not change while the app runs: asked once, shared by all pages.
let known: Promise<boolean> | null = null

/** Recorded by whoever read /status anyway, so no page asks twice. */
export function rememberDemoMode(demo: boolean): void {
  known = Promise.resolve(demo)
}

/** Forgets the flag: the next page asks the server again. */
export function forgetDemoMode(): void {
  known = null
}

function demoMode(): Promise<boolean> {
  known ??= fetchServiceStatus().then(
    (status) => status.demo,
    () => {
      // Unknown, not "no": the next page asks again.
      known = null
      return false
    },
  )
  return known
}

/** Whether the server runs on demo data; false until known. */
export function useDemoMode(): boolean {
  const [demo, setDemo] = useState(false)
  useEffect(() => {
    let live = true
    void demoMode().then((value) => live && setDemo(value))
    return () => {
      live = false
    }
  }, [])
  return demo
}
