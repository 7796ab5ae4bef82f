import { performance } from 'node:perf_hooks'
import t from 'tap'
import {
  DUMMY_HASH,
  hashPassword,
  needsRehash,
  passwordProblems,
  setPasswordCost,
  verifyAgainstDummy,
  verifyPassword,
} from '../src/auth/password.ts'

const good = 'Xq7-lantern-Moss'

t.test('a hash verifies its password and nothing else', async (t) => {
  const encoded = await hashPassword(good)
  t.match(encoded, /^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/)
  t.equal(await verifyPassword(good, encoded), true)
  t.equal(await verifyPassword('Xq7-lantern-moss', encoded), false)
  t.equal(await verifyPassword('', encoded), false)
  t.not(await hashPassword(good), encoded, 'each hash has its own salt')
})

t.test('the same password typed in another Unicode form still verifies', async (t) => {
  const encoded = await hashPassword('Café-党建-2024x')
  t.equal(await verifyPassword('Cafe\u0301-党建-2024x', encoded), true)
})

t.test('a malformed or hostile encoded hash is false, never an exception', async (t) => {
  const encoded = await hashPassword(good)
  const [, , , , salt, key] = encoded.split('$')
  const bad = [
    '',
    'scrypt',
    `bcrypt$32768$8$1$${salt}$${key}`,
    `scrypt$32768$8$1$${salt}`,
    `scrypt$30000$8$1$${salt}$${key}`,
    `scrypt$${2 ** 24}$8$1$${salt}$${key}`,
    `scrypt$32768$8$1$${salt}$not*base64`,
    `scrypt$32768$8$1$${salt}$${key}$extra`,
    `scrypt$-1$8$1$${salt}$${key}`,
  ]
  for (const encodedBad of bad) {
    t.equal(await verifyPassword(good, encodedBad), false, encodedBad)
  }
  t.equal(await verifyPassword(good, undefined as unknown as string), false)
})

t.test('the parameters come from the encoded string', async (t) => {
  const encoded = await hashPassword(good)
  const cheaper = encoded.replace('scrypt$32768$', 'scrypt$16384$')
  t.equal(await verifyPassword(good, cheaper), false, 'different N derives a different key')
})

t.test('needsRehash is true only when parameters differ from the current ones', async (t) => {
  const encoded = await hashPassword(good)
  t.equal(needsRehash(encoded), false)
  t.equal(needsRehash(DUMMY_HASH), false, 'the dummy stays in step with the real parameters')
  t.equal(needsRehash(encoded.replace('scrypt$32768$8$1', 'scrypt$16384$8$1')), true)
  t.equal(needsRehash(encoded.replace('scrypt$32768$8$1', 'scrypt$32768$8$2')), true)
  t.equal(needsRehash('garbage'), true)
})

t.test('an unknown user costs about as much time as a wrong password', async (t) => {
  const encoded = await hashPassword(good)
  const time = async (run: () => Promise<boolean>) => {
    const start = performance.now()
    for (let i = 0; i < 3; i++) await run()
    return performance.now() - start
  }
  const real = await time(() => verifyPassword('wrong password', encoded))
  const dummy = await time(() => verifyAgainstDummy('wrong password'))
  t.equal(await verifyAgainstDummy(good), false)
  t.comment(`3 real verifies ${real.toFixed(0)} ms, 3 dummy verifies ${dummy.toFixed(0)} ms`)
  t.ok(dummy > real / 3 && dummy < real * 3, 'within 3× of a real verification')
})

t.test(
  'a lower configured cost (tests only) makes cheaper hashes; old hashes still verify',
  async (t) => {
    const strong = await hashPassword(good)
    setPasswordCost(10)
    t.teardown(() => setPasswordCost(15))
    const cheap = await hashPassword(good)
    t.match(cheap, /^scrypt\$1024\$8\$1\$/)
    t.equal(await verifyPassword(good, cheap), true)
    t.equal(await verifyPassword(good, strong), true, 'a hash keeps the cost it was made with')
    t.equal(needsRehash(strong), true, 'and reads as made with other parameters')
    t.equal(await verifyAgainstDummy(good), false, 'the dummy is remade at the configured cost')
  },
)

t.test('policy: length', async (t) => {
  t.same(passwordProblems('Xq7-lantern'), ['密码至少12位'])
  t.same(passwordProblems('Xq7-lanternM'), [])
  t.same(passwordProblems(`Aa1-${'x'.repeat(252)}`), [])
  t.same(passwordProblems(`Aa1-${'x'.repeat(253)}`), ['密码不能超过256位'])
})

t.test('policy: at least three character classes', async (t) => {
  const message = '密码需包含大写字母、小写字母、数字、符号中的至少三类'
  t.same(passwordProblems('lantern-moss-quay'), [message])
  t.same(passwordProblems('lanternmossquay7'), [message])
  t.same(passwordProblems('Lanternmossquay7'), [])
  t.same(passwordProblems('lantern-moss-7'), [])
  t.same(passwordProblems('LANTERN-MOSS-7'), [])
})

t.test('policy: not the account or the name', async (t) => {
  const message = '密码不能包含账号或姓名'
  const context = { username: 'WangFang', displayName: '王芳芳' }
  t.same(passwordProblems('x-wangfang-2024Q', context), [message])
  t.same(passwordProblems('Xy7-王芳芳-lantern', context), [message])
  t.same(passwordProblems('Xq7-lantern-Moss', context), [])
  t.same(passwordProblems('Xq7-王芳-lantern', { displayName: '王芳' }), [], 'under 3 characters')
  t.same(passwordProblems('Xq7-lantern-Moss', { username: '  ' }), [])
})

t.test('policy: common passwords and patterns', async (t) => {
  const message = '密码过于常见或有规律，请换一个'
  const padded = ['Password123!', 'P@ssw0rd2024!', 'Dangjian@2024', '88888888Aa!!']
  for (const weak of [...padded, 'PasswordPassword1!', 'Admin!Admin!1']) {
    t.ok(passwordProblems(weak).includes(message), weak)
  }
  for (const weak of ['123456789012', 'abcdefghijkl', 'aaaaaaaaaaaa', '210987654321']) {
    t.ok(passwordProblems(weak).includes(message), weak)
  }
  t.same(passwordProblems('password'), [
    '密码至少12位',
    '密码需包含大写字母、小写字母、数字、符号中的至少三类',
    message,
  ])
  t.same(passwordProblems('Password-lantern-7'), [], 'a common word inside a long phrase is fine')
})
