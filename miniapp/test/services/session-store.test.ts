import { describe, expect, it, vi } from 'vitest'
import {
  createSessionStore,
  SESSION_KEY,
  type SessionStorage,
} from '../../src/services/session-store'
import { staffMe, userMe } from '../fixtures'

function memoryStorage(
  initial: Record<string, unknown> = {},
): SessionStorage & { data: Map<string, unknown> } {
  const data = new Map(Object.entries(initial))
  return {
    data,
    read: (key) => data.get(key) ?? '',
    write: (key, value) => data.set(key, value),
    remove: (key) => data.delete(key),
  }
}

const stored = { accessToken: 'access-1', refreshToken: 'refresh-token-0001', user: userMe() }

describe('session store', () => {
  it('keeps a saved session in storage, where the next app start finds it', () => {
    const storage = memoryStorage()
    createSessionStore(storage).save(stored)

    const afterRestart = createSessionStore(storage)

    expect(afterRestart.current()).toEqual(stored)
  })

  it('reads storage once and then answers from memory', () => {
    const storage = memoryStorage({ [SESSION_KEY]: stored })
    const read = vi.spyOn(storage, 'read')
    const store = createSessionStore(storage)

    store.current()
    store.current()

    expect(read).toHaveBeenCalledTimes(1)
  })

  it('starts signed out, and drops the entry, when storage holds something unreadable', () => {
    const storage = memoryStorage({ [SESSION_KEY]: { accessToken: 'only-half' } })

    expect(createSessionStore(storage).current()).toBeNull()
    expect(storage.data.has(SESSION_KEY)).toBe(false)
  })

  it('tells subscribers about every change until they unsubscribe', () => {
    const store = createSessionStore(memoryStorage())
    const listener = vi.fn()
    const unsubscribe = store.subscribe(listener)

    store.save(stored)
    store.clear()
    unsubscribe()
    store.save(stored)

    expect(listener).toHaveBeenCalledTimes(2)
  })

  it('replaces the profile but keeps the tokens; signed out there is nothing to update', () => {
    const storage = memoryStorage()
    const store = createSessionStore(storage)
    store.updateUser(staffMe())
    expect(store.current()).toBeNull()

    store.save(stored)
    store.updateUser(staffMe())

    expect(store.current()).toMatchObject({ accessToken: 'access-1', user: { role: 'staff' } })
    expect(createSessionStore(storage).current()?.user.role).toBe('staff')
  })

  it('clears storage on sign-out', () => {
    const storage = memoryStorage()
    const store = createSessionStore(storage)
    store.save(stored)

    store.clear()

    expect(store.current()).toBeNull()
    expect(storage.data.has(SESSION_KEY)).toBe(false)
  })
})
