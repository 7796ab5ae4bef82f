import { Me } from '@djt/shared'
import { z } from 'zod'

/** What survives a restart: both tokens, and the profile to show before /me answers. */
const StoredSession = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  user: Me,
})
export type StoredSession = z.infer<typeof StoredSession>

/** Key-value storage: Taro's in the app, a Map in tests. */
export interface SessionStorage {
  read(key: string): unknown
  write(key: string, value: unknown): void
  remove(key: string): void
}

export interface SessionStore {
  /** The session in memory; reads storage once, on first use. */
  current(): StoredSession | null
  save(session: StoredSession): void
  /** Replaces the profile (after /me, consent, MFA) and keeps the tokens. */
  updateUser(user: Me): void
  clear(): void
  /** Listener runs after every change; returns an unsubscribe. */
  subscribe(listener: () => void): () => void
}

export const SESSION_KEY = 'djt.session'

export function createSessionStore(storage: SessionStorage): SessionStore {
  let loaded = false
  let session: StoredSession | null = null
  const listeners = new Set<() => void>()

  const load = (): StoredSession | null => {
    if (loaded) return session
    loaded = true
    const parsed = StoredSession.safeParse(safeRead(storage), { jitless: true })
    session = parsed.success ? parsed.data : null
    // A session written by an older app version, or damaged: start signed out.
    if (!parsed.success) storage.remove(SESSION_KEY)
    return session
  }
  const set = (next: StoredSession | null) => {
    loaded = true
    session = next
    if (next) storage.write(SESSION_KEY, next)
    else storage.remove(SESSION_KEY)
    for (const listener of [...listeners]) listener()
  }

  return {
    current: load,
    save: set,
    updateUser(user) {
      const existing = load()
      if (existing) set({ ...existing, user })
    },
    clear: () => set(null),
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

function safeRead(storage: SessionStorage): unknown {
  try {
    return storage.read(SESSION_KEY)
  } catch {
    return undefined
  }
}
