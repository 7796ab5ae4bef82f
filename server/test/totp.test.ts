import t from 'tap'
import {
  base32Decode,
  base32Encode,
  generateTotpSecret,
  hotp,
  otpauthUrl,
  totp,
  verifyTotp,
} from '../src/auth/totp.ts'

const rfcSecret = Buffer.from('12345678901234567890', 'ascii')
const rfcSecretBase32 = base32Encode(rfcSecret)

t.test('base32 matches the RFC 4648 vectors and round-trips', async (t) => {
  const vectors = ['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar']
  const expected = ['', 'MY', 'MZXQ', 'MZXW6', 'MZXW6YQ', 'MZXW6YTB', 'MZXW6YTBOI']
  vectors.forEach((text, i) => {
    t.equal(base32Encode(Buffer.from(text)), expected[i], text)
    t.equal(base32Decode(expected[i] ?? '').toString(), text, text)
  })
  t.equal(base32Decode('mzxw 6ytb oi======').toString(), 'foobar')
  const random = generateTotpSecret()
  t.match(random, /^[A-Z2-7]{32}$/, '20 bytes are 32 characters, no padding')
  t.equal(base32Encode(base32Decode(random)), random)
  t.not(generateTotpSecret(), random)
  t.throws(() => base32Decode('MZXW1'), /invalid base32 character "1"/)
  t.throws(() => base32Decode('MZ-XW'), /invalid base32/)
})

t.test('HOTP matches RFC 4226 Appendix D', async (t) => {
  const expected = '755224 287082 359152 969429 338314 254676 287922 162583 399871 520489'
  for (const [counter, code] of expected.split(' ').entries()) {
    t.equal(hotp(rfcSecret, counter), code, `counter ${counter}`)
  }
  t.equal(hotp(rfcSecret, 9n), '520489', 'bigint counter')
})

t.test('TOTP matches RFC 6238 Appendix B (SHA-1, 8 digits)', async (t) => {
  const vectors: [number, string][] = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ]
  for (const [seconds, code] of vectors) {
    t.equal(totp(rfcSecretBase32, seconds * 1000, 8), code, `T=${seconds}`)
  }
  t.equal(totp(rfcSecretBase32, 59_000), '287082', 'six digits by default')
})

t.test('a code is accepted within the window and refused outside it', async (t) => {
  const secret = generateTotpSecret()
  const now = 1_700_000_000_000
  const step = Math.floor(now / 30_000)
  const at = (offset: number) => totp(secret, now + offset * 30_000)
  t.same(verifyTotp(secret, at(0), { timeMs: now }), { ok: true, step })
  t.same(verifyTotp(secret, at(-1), { timeMs: now }), { ok: true, step: step - 1 })
  t.same(verifyTotp(secret, at(1), { timeMs: now }), { ok: true, step: step + 1 })
  t.same(verifyTotp(secret, at(-2), { timeMs: now }), { ok: false })
  t.same(verifyTotp(secret, at(2), { timeMs: now }), { ok: false })
  t.same(verifyTotp(secret, at(-2), { timeMs: now, window: 2 }), { ok: true, step: step - 2 })
  t.same(verifyTotp(secret, at(-1), { timeMs: now, window: 0 }), { ok: false })
  const code = at(0)
  t.same(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, { timeMs: now }), {
    ok: true,
    step,
  })
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
  t.same(verifyTotp(secret, wrong, { timeMs: now, window: 0 }), { ok: false })
  for (const malformed of ['', '12345', '1234567', 'abcdef', `${code}0`]) {
    t.same(verifyTotp(secret, malformed, { timeMs: now }), { ok: false }, malformed)
  }
})

t.test('a step already used cannot be used again', async (t) => {
  const secret = generateTotpSecret()
  const now = 1_700_000_000_000
  const code = totp(secret, now)
  const first = verifyTotp(secret, code, { timeMs: now })
  t.ok(first.ok)
  const lastUsedStep = first.ok ? first.step : -1
  t.same(verifyTotp(secret, code, { timeMs: now, lastUsedStep }), { ok: false })
  const earlier = totp(secret, now - 30_000)
  t.same(verifyTotp(secret, earlier, { timeMs: now, lastUsedStep }), { ok: false })
  const next = totp(secret, now + 30_000)
  t.same(verifyTotp(secret, next, { timeMs: now + 30_000, lastUsedStep }), {
    ok: true,
    step: lastUsedStep + 1,
  })
})

t.test('otpauth URL carries issuer, account and parameters, URI-encoded', async (t) => {
  const url = otpauthUrl({ secret: 'JBSWY3DPEHPK3PXP', account: 'wang.fang@scjg' })
  const issuer = encodeURIComponent('党建通')
  t.equal(
    url,
    `otpauth://totp/${issuer}:wang.fang%40scjg?secret=JBSWY3DPEHPK3PXP&issuer=${issuer}` +
      '&algorithm=SHA1&digits=6&period=30',
  )
  const parsed = new URL(otpauthUrl({ secret: 'ABC', account: '王 芳:1', issuer: 'A&B Co' }))
  t.equal(parsed.protocol, 'otpauth:')
  t.equal(parsed.host, 'totp')
  t.equal(decodeURIComponent(parsed.pathname), '/A&B Co:王 芳:1')
  t.match(parsed.pathname, /^\/A%26B%20Co:%E7%8E%8B%20%E8%8A%B3%3A1$/)
  t.equal(parsed.searchParams.get('issuer'), 'A&B Co')
  t.equal(parsed.searchParams.get('secret'), 'ABC')
})
