import { createCipheriv, createHash } from 'node:crypto'
import { mkdtemp, readFile, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import t from 'tap'
import { generateTotpSecret, totp } from '../src/auth/totp.ts'
import {
  createFieldCipher,
  type FieldAlgorithm,
  FieldCipherError,
} from '../src/crypto/field-cipher.ts'
import { loadKeyring } from '../src/crypto/keyring.ts'
import { rotateKeys } from '../src/crypto/rotate-keys.ts'
import { saveTotpSecret } from '../src/staff/staff.repository.ts'
import { STRONG_PASSWORD, signInStaff } from './fixtures/accounts.ts'
import { TEST_BLIND_INDEX_KEY, TEST_KEYS } from './fixtures/keys.ts'
import { buildTestApp } from './helper.ts'

const algorithms: FieldAlgorithm[] = ['aes-256-gcm', 'sm4']
const cipherWith = (algorithm: FieldAlgorithm, activeKeyId = 'test1', ids = ['test1']) =>
  createFieldCipher({
    algorithm,
    activeKeyId,
    keys: new Map(ids.map((id) => [id, TEST_KEYS[id as keyof typeof TEST_KEYS]])),
    blindIndexKey: TEST_BLIND_INDEX_KEY,
  })
const secret = 'JBSWY3DPEHPK3PXP 买买提·艾力 🧧'

t.test(
  'the platform SM4 and SM3 are the national standards (GB/T 32907, GB/T 32905)',
  async (t) => {
    const vector = Buffer.from('0123456789abcdeffedcba9876543210', 'hex')
    const sm4 = createCipheriv('sm4-ecb', vector, null).setAutoPadding(false)
    t.equal(
      Buffer.concat([sm4.update(vector), sm4.final()]).toString('hex'),
      '681edf34d206965e86b3e94f536e4246',
    )
    t.equal(
      createHash('sm3').update('abc').digest('hex'),
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    )
  },
)

for (const algorithm of algorithms) {
  const code = algorithm === 'sm4' ? 's' : 'g'
  t.test(`${algorithm}: round trip, self-describing, a fresh IV every time`, async (t) => {
    const cipher = cipherWith(algorithm)
    for (const text of [secret, '', 'x'.repeat(1000)]) {
      const sealed = cipher.encrypt(text)
      t.match(sealed, new RegExp(`^test1\\.${code}\\.[A-Za-z0-9_-]+$`))
      t.notOk(sealed.includes('JBSWY3DP'))
      t.equal(cipher.decrypt(sealed), text)
    }
    t.not(cipher.encrypt(secret), cipher.encrypt(secret), 'random IV: equal inputs differ')
  })

  t.test(`${algorithm}: any changed byte, key id or algorithm is refused`, async (t) => {
    const cipher = cipherWith(algorithm, 'test2', ['test1', 'test2'])
    const sealed = cipher.encrypt(secret)
    const [id, alg, encoded = ''] = sealed.split('.')
    const payload = Buffer.from(encoded, 'base64url')
    for (let i = 0; i < payload.length; i++) {
      const changed = Buffer.from(payload)
      changed[i] = (changed[i] ?? 0) ^ 0x01
      t.throws(
        () => cipher.decrypt(`${id}.${alg}.${changed.toString('base64url')}`),
        FieldCipherError,
      )
    }
    const forged = [
      `test1.${alg}.${encoded}`,
      `${id}.${alg === 'g' ? 's' : 'g'}.${encoded}`,
      `${id}.${alg}.${encoded.slice(0, -1)}${encoded.endsWith('A') ? 'B' : 'A'}`,
      `${id}.${alg}.${encoded.slice(0, 40)}`,
    ]
    for (const text of forged)
      t.throws(() => cipher.decrypt(text), { name: 'FieldCipherError' }, text)
  })
}

t.test('unknown keys and plain values throw instead of returning garbage', async (t) => {
  const sealed = cipherWith('aes-256-gcm', 'test2', ['test1', 'test2']).encrypt(secret)
  t.throws(() => cipherWith('aes-256-gcm').decrypt(sealed), { message: /unknown key id "test2"/ })
  t.throws(() => cipherWith('sm4').decrypt('JBSWY3DPEHPK3PXP'), {
    message: /not a field ciphertext/,
  })
  t.throws(() => cipherWith('sm4', 'nope'), FieldCipherError, 'the active key must exist')
})

t.test('after rotation old values still decrypt and are flagged for re-encryption', async (t) => {
  const old = cipherWith('aes-256-gcm').encrypt(secret)
  const rotated = cipherWith('sm4', 'test2', ['test1', 'test2'])
  t.equal(rotated.decrypt(old), secret)
  t.ok(rotated.needsRotation(old))
  t.notOk(rotated.needsRotation(rotated.encrypt(secret)))
  t.ok(
    cipherWith('aes-256-gcm', 'test2', ['test1', 'test2']).needsRotation(rotated.encrypt(secret)),
    'algorithm differs',
  )
})

t.test('blind index: deterministic, per kind, blind to formatting', async (t) => {
  for (const algorithm of algorithms) {
    const cipher = cipherWith(algorithm)
    const mobile = cipher.blindIndex('mobile', '13812345678')
    t.equal(cipher.blindIndex('mobile', '13812345678'), mobile)
    t.equal(cipher.blindIndex('mobile', '138 1234 5678'), mobile)
    t.equal(cipher.blindIndex('mobile', '+86 １３８-１２３４-５６７８'), mobile)
    t.not(cipher.blindIndex('rider_id', '13812345678'), mobile, 'the kind is part of the index')
    t.not(cipher.blindIndex('mobile', '13812345679'), mobile)
    t.equal(
      cipher.blindIndex('resident_id', '11010519491231002x'),
      cipher.blindIndex('resident_id', '１１０１０５１９４９１２３１００２Ｘ'),
    )
    t.equal(cipher.blindIndex('name', '买买提•艾力'), cipher.blindIndex('name', '买买提 · 艾力'))
    t.notOk(mobile.includes('13812345678'))
  }
  t.not(
    cipherWith('sm4').blindIndex('mobile', '13812345678'),
    cipherWith('aes-256-gcm').blindIndex('mobile', '13812345678'),
  )
})

t.test('outside production, unset keys come from a dev key file that is reused', async (t) => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'djt-keys-'))
  const config = {
    NODE_ENV: 'development' as const,
    FIELD_CIPHER: 'sm4' as const,
    dataDir,
  }
  const first = loadKeyring(config)
  t.equal(first.source, 'dev-file')
  t.equal(first.activeKeyId, 'dev1')
  t.equal((await stat(path.join(dataDir, 'dev-keys.json'))).mode & 0o777, 0o600)
  const sealed = createFieldCipher(first).encrypt(secret)
  t.equal(
    createFieldCipher(loadKeyring(config)).decrypt(sealed),
    secret,
    'a restart still reads it',
  )
  t.match(
    await readFile(path.join(dataDir, 'dev-keys.json'), 'utf8'),
    /Never use them in production/,
  )
  t.throws(() => loadKeyring({ ...config, NODE_ENV: 'production' }), {
    message: /FIELD_KEYS and BLIND_INDEX_KEY are required/,
  })
})

t.test('MFA enrolment stores the TOTP secret encrypted, and sign-in reads it', async (t) => {
  const app = await buildTestApp(t)
  const staff = await signInStaff(app, 'enc.user', 'city', '350100')
  const enroll = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/staff/mfa/enroll',
    headers: staff.auth,
  })
  const { secret: totpSecret } = enroll.json()
  const row = await app.db
    .selectFrom('staff_accounts')
    .select('totp_secret')
    .where('user_id', '=', staff.id)
    .executeTakeFirstOrThrow()
  t.match(row.totp_secret, /^test1\.g\./)
  t.notOk(row.totp_secret?.includes(totpSecret), 'the raw column does not hold the secret')
  const confirm = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/staff/mfa/confirm',
    headers: staff.auth,
    payload: { otp: totp(totpSecret) },
  })
  t.equal(confirm.statusCode, 200)
  const signIn = () =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/staff',
      payload: {
        username: 'enc.user',
        password: STRONG_PASSWORD,
        otp: totp(totpSecret, Date.now() + 30_000),
      },
    })
  t.equal((await signIn()).statusCode, 200)
  await app.db
    .updateTable('staff_accounts')
    .set({ totp_secret: totpSecret, totp_last_step: null })
    .where('user_id', '=', staff.id)
    .execute()
  t.equal((await signIn()).statusCode, 500, 'a plain secret left in the column fails loudly')
})

t.test('rotate-keys re-encrypts every value under the new active key', async (t) => {
  const app = await buildTestApp(t)
  const secrets = new Map<string, string>()
  for (const name of ['rot.a', 'rot.b', 'rot.c']) {
    const { id } = await signInStaff(app, name, 'city', '350100')
    secrets.set(id, generateTotpSecret())
    await saveTotpSecret(app.db, app.cipher, id, secrets.get(id) ?? '')
  }
  await signInStaff(app, 'rot.none', 'city', '350100')
  const next = cipherWith('aes-256-gcm', 'test2', ['test1', 'test2'])
  const lines: string[] = []
  const counts = await rotateKeys(app.db, next, { batchSize: 2, log: (line) => lines.push(line) })
  const staffCounts = counts.filter((count) => count.table === 'staff_accounts')
  t.same(staffCounts, [
    { table: 'staff_accounts', column: 'totp_secret', rotated: 3, current: 0, empty: 1 },
  ])
  t.match(lines[0], /staff_accounts\.totp_secret: 3 re-encrypted, 0 current, 1 empty/)
  const rows = await app.db
    .selectFrom('staff_accounts')
    .select(['user_id', 'totp_secret'])
    .where('totp_secret', 'is not', null)
    .execute()
  t.equal(rows.length, 3)
  for (const row of rows) {
    t.match(row.totp_secret, /^test2\.g\./)
    t.equal(next.decrypt(row.totp_secret ?? ''), secrets.get(row.user_id))
  }
  const again = await rotateKeys(app.db, next, { batchSize: 2 })
  t.same(
    again.filter((c) => c.table === 'staff_accounts').map((c) => [c.rotated, c.current]),
    [[0, 3]],
    'a second run has nothing to do',
  )
})
