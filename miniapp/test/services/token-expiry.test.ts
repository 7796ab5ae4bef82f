import { describe, expect, it } from 'vitest'
import { expiresSoon, tokenExpiresAt } from '../../src/services/token-expiry'

const jwt = (payload: unknown) =>
  `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.sig`

describe('access-token expiry', () => {
  it('reads exp from the payload', () => {
    expect(tokenExpiresAt(jwt({ exp: 1_800_000_000, iss: 'djt', aud: 'djt-miniapp' }))).toBe(
      1_800_000_000_000,
    )
  })

  it('says nothing about tokens it cannot read', () => {
    expect(tokenExpiresAt('not-a-jwt')).toBeUndefined()
    expect(tokenExpiresAt(jwt({ sub: 'no-exp' }))).toBeUndefined()
    expect(expiresSoon('stale-access')).toBe(false)
  })

  it('is due for a refresh within a minute of expiry', () => {
    const now = 1_800_000_000_000
    expect(expiresSoon(jwt({ exp: now / 1000 + 59 }), now)).toBe(true)
    expect(expiresSoon(jwt({ exp: now / 1000 + 61 }), now)).toBe(false)
    expect(expiresSoon(jwt({ exp: now / 1000 - 5 }), now)).toBe(true)
  })
})
