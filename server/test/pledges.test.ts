import { CODE_ALPHABET, checkCharacter, hasValidCheck, SCENE_ALPHABET } from '@djt/shared'
import t from 'tap'
import { newPledgeCode } from '../src/pledges/pledge-code.ts'
import { signInStaff } from './fixtures/accounts.ts'
import { consentingUser, marketOpenerForm, submitMembership } from './fixtures/memberships.ts'
import {
  decidePledge,
  deviceToken,
  pledgeContent,
  publicPledge,
  submitPledge,
  verifiedOperator,
} from './fixtures/pledges.ts'
import { buildTestApp } from './helper.ts'

t.test(
  'only a verified operator or rider may pledge; the form starts from the registration',
  async (t) => {
    const app = await buildTestApp(t)
    const staff = await signInStaff(app, 'county.gl', 'county', '350102')
    const stranger = await consentingUser(app, '未登记')
    const mine = async (auth: { authorization: string }) =>
      (await app.inject({ url: '/api/v1/pledges/mine', headers: auth })).json()
    t.match(await mine(stranger.auth), {
      eligible: false,
      reason: /请先完成党员身份登记/,
      pledge: null,
    })
    const opener = await consentingUser(app, '开办方')
    await submitMembership(app, opener, marketOpenerForm())
    t.match(await mine(opener.auth), { eligible: false })
    const refused = await app.inject({
      method: 'POST',
      url: '/api/v1/pledges/mine',
      headers: stranger.auth,
      payload: { content: pledgeContent() },
    })
    t.equal(refused.statusCode, 403)
    t.match(refused.json().error.message, /请先完成党员身份登记/)
    t.equal(
      await app.db
        .selectFrom('pledges')
        .select('id')
        .execute()
        .then((rows) => rows.length),
      0,
    )

    const owner = await verifiedOperator(app, staff, '店主甲')
    t.match(await mine(owner.auth), {
      eligible: true,
      kind: 'operator',
      defaults: { displayName: '李红', business: '鼓楼区李红水果店', stall: '东街口农贸市场 A-12' },
    })
  },
)

t.test('a field error names the field in Chinese, and nothing is stored', async (t) => {
  const app = await buildTestApp(t)
  const staff = await signInStaff(app, 'county.gl', 'county', '350102')
  const owner = await verifiedOperator(app, staff, '店主乙')
  const send = (content: Record<string, unknown>) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/pledges/mine',
      headers: owner.auth,
      payload: { content },
    })
  const empty = await send(pledgeContent({ promises: [] }))
  t.equal(empty.statusCode, 400)
  t.match(empty.json().error.fields, [
    { field: 'body.content.promises', message: '请至少选择或填写一条承诺' },
  ])
  const tooLong = await send(pledgeContent({ promises: [{ text: '长'.repeat(61) }] }))
  t.match(tooLong.json().error.fields, [
    { field: 'body.content.promises.0.text', message: '承诺内容不能超过60个字' },
  ])
  const blocked = await send(
    pledgeContent({ promises: [{ text: '诚信经营' }, { text: '欢迎来 赌 博' }] }),
  )
  t.equal(blocked.statusCode, 400, 'the local word list refuses it, spaces or not')
  t.match(blocked.json().error.fields, [
    { field: 'body.content.promises.1.text', message: /第2条承诺含有不宜公开的内容/ },
  ])
  const unknownTemplate = await send(
    pledgeContent({
      promises: [{ templateId: '00000000-0000-4000-8000-000000000000', text: '诚信经营' }],
    }),
  )
  t.equal(unknownTemplate.statusCode, 400)
  t.equal((await app.db.selectFrom('pledge_versions').select('id').execute()).length, 0)
  const flagged = await send(pledgeContent({ duties: '有事加微信 13912345678' }))
  t.equal(flagged.statusCode, 201, 'a doubtful text goes to staff, flagged')
  t.match(flagged.json().versions[0].checkNotes, [/职责内容含.*加微信.*手机号码/])
})

t.test(
  'approval makes it public with a code; every version is kept; the old one stays up meanwhile',
  async (t) => {
    const app = await buildTestApp(t)
    const staff = await signInStaff(app, 'county.gl', 'county', '350102')
    const owner = await verifiedOperator(app, staff, '店主丙')
    const first = await submitPledge(app, owner)
    t.equal(first.code, null, 'no code before approval')
    const queue = await app.inject({ url: '/api/v1/review/pledges', headers: staff.auth })
    t.match(queue.json().items, [
      { pledgeId: first.id, state: 'pending', isEdit: false, displayName: '李红' },
    ])
    const noReason = await decidePledge(app, staff, first.id, first.versions[0]?.id ?? '', 'return')
    t.equal(noReason.statusCode, 400)
    t.match(noReason.json().error.fields, [
      { field: 'body.comment', message: '退回或不予通过时请写明原因' },
    ])

    const approved = await decidePledge(app, staff, first.id, first.versions[0]?.id ?? '')
    t.equal(approved.statusCode, 200)
    const code = approved.json().code as string
    t.match(code, /^D[0-9A-HJKMNP-TV-Z]{14}$/)
    t.ok(SCENE_ALPHABET.test(code) && code.length <= 32)
    const shown = await app.inject({ url: `/api/v1/public/pledges/${code}` })
    t.match(shown.json(), {
      status: 'valid',
      statusText: '有效',
      title: '共产党员经营户',
      issuer: '福州市鼓楼区市场监督管理局',
      content: { promises: [{ text: '诚信经营，不缺斤短两' }, { text: '坏果包换' }] },
    })
    const again = await decidePledge(app, staff, first.id, first.versions[0]?.id ?? '')
    t.equal(again.statusCode, 409, 'a decided version cannot be decided twice')

    const edit = await submitPledge(app, owner, pledgeContent({ promises: [{ text: '明码标价' }] }))
    const stillOld = await app.inject({ url: `/api/v1/public/pledges/${code}` })
    t.match(
      stillOld.json().content.promises,
      [{ text: '诚信经营，不缺斤短两' }],
      'the approved version stays public',
    )
    const second = edit.versions[0]?.id ?? ''
    await submitPledge(app, owner, pledgeContent({ promises: [{ text: '明码标价，不哄抬价格' }] }))
    const third = await app.inject({ url: '/api/v1/pledges/mine', headers: owner.auth })
    const versions = third.json().pledge.versions as { id: string; number: number; state: string }[]
    t.same(
      versions.map((version) => `${version.number}:${version.state}`),
      ['3:pending', '2:superseded', '1:approved'],
      'a newer edit replaces the waiting one; all are kept',
    )
    t.equal(
      (await decidePledge(app, staff, first.id, second)).statusCode,
      409,
      'the superseded edit cannot be approved',
    )
    const edited = await app.inject({ url: '/api/v1/review/pledges', headers: staff.auth })
    t.match(edited.json().items, [{ number: 3, isEdit: true }])
    await decidePledge(app, staff, first.id, versions[0]?.id ?? '')
    const now = await app.inject({ url: `/api/v1/public/pledges/${code}` })
    t.match(now.json().content.promises, [{ text: '明码标价，不哄抬价格' }])
    const history = (await app.inject({ url: '/api/v1/pledges/mine', headers: owner.auth })).json()
      .pledge
    t.equal(
      history.code,
      code,
      'the code (and so the printed plaque) stays the same across versions',
    )
    t.same(
      history.versions.map(
        (version: { number: number; state: string }) => `${version.number}:${version.state}`,
      ),
      ['3:approved', '2:superseded', '1:superseded'],
    )
  },
)

t.test(
  'revoking the membership or withdrawing the pledge turns the page to 已撤销 at once',
  async (t) => {
    const app = await buildTestApp(t)
    const staff = await signInStaff(app, 'county.gl', 'county', '350102')
    const owner = await verifiedOperator(app, staff, '店主丁')
    const { code } = await publicPledge(app, staff, owner)
    const detail = await app.inject({
      url: `/api/v1/review/memberships/${owner.membershipId}`,
      headers: staff.auth,
    })
    const revoke = await app.inject({
      method: 'POST',
      url: `/api/v1/review/memberships/${owner.membershipId}/decision`,
      headers: staff.auth,
      payload: { decision: 'revoke', version: detail.json().version, note: '经核实不是党员' },
    })
    t.equal(revoke.statusCode, 200)
    const page = await app.inject({ url: `/api/v1/public/pledges/${code}` })
    t.match(page.json(), {
      status: 'revoked',
      statusText: '已撤销',
      reason: /党员身份核验已被撤销/,
    })
    const rate = await app.inject({
      method: 'POST',
      url: `/api/v1/public/pledges/${code}/ratings`,
      headers: { 'x-device-id': deviceToken(app) },
      payload: { score: 5 },
    })
    t.equal(rate.statusCode, 409, 'a revoked pledge takes no ratings')
    const plaque = await app.inject({ url: '/api/v1/pledges/mine/plaque.png', headers: owner.auth })
    t.equal(plaque.statusCode, 409, 'and no new plaque')

    const other = await verifiedOperator(app, staff, '店主戊')
    const second = await publicPledge(app, staff, other)
    const withdraw = await app.inject({
      method: 'POST',
      url: '/api/v1/pledges/mine/withdraw',
      headers: other.auth,
      payload: { reason: '不再经营' },
    })
    t.equal(withdraw.statusCode, 200)
    t.match((await app.inject({ url: `/api/v1/public/pledges/${second.code}` })).json(), {
      status: 'revoked',
      reason: /本人撤回/,
    })
  },
)

t.test('codes are unique, random and inside the scene alphabet', async (t) => {
  const codes = new Set(Array.from({ length: 20_000 }, () => newPledgeCode()))
  t.equal(codes.size, 20_000)
  for (const code of [...codes].slice(0, 500))
    t.ok(SCENE_ALPHABET.test(code) && code.length === 15 && hasValidCheck(code), code)
  const sorted = [...codes].sort()
  const shared = sorted.slice(1).map((code, index) => commonPrefix(code, sorted[index] ?? ''))
  // 20,000 random base-32 codes: some neighbours share ~6 characters by chance (the D and
  // about five random ones); sharing 8 would happen once in about 5,000 runs.
  t.ok(Math.max(...shared) <= 8, 'neighbours share no long prefix: nothing sequential')
  const counts = new Map<string, number>()
  for (const code of codes)
    for (const char of code.slice(1, -1)) counts.set(char, (counts.get(char) ?? 0) + 1)
  t.equal(counts.size, CODE_ALPHABET.length, 'every base-32 character appears')
  const expected = (20_000 * 13) / CODE_ALPHABET.length
  t.ok(
    [...counts.values()].every((n) => Math.abs(n - expected) < expected * 0.2),
    'evenly',
  )
})

function commonPrefix(a: string, b: string): number {
  let n = 0
  while (n < a.length && a[n] === b[n]) n += 1
  return n
}

t.test(
  'unknown codes are limited per device first and per IP loosely; a real code always answers',
  async (t) => {
    const app = await buildTestApp(t, {
      PUBLIC_UNKNOWN_CODES_PER_DEVICE: '3',
      PUBLIC_UNKNOWN_CODES_PER_IP: '6',
    })
    const staff = await signInStaff(app, 'county.gl', 'county', '350102')
    const owner = await verifiedOperator(app, staff, '店主己')
    const { code } = await publicPledge(app, staff, owner)
    const token = async () =>
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/public/devices',
          remoteAddress: '192.0.2.1',
        })
      ).json().deviceToken as string
    const phone = await token()
    const look = (what: string, device?: string, ip = '203.0.113.7') =>
      app.inject({
        url: `/api/v1/public/pledges/${encodeURIComponent(what)}`,
        remoteAddress: ip,
        headers: device ? { 'x-device-id': device } : {},
      })
    const unknown = (n: number) => {
      const body = `D${String(n).padStart(13, '0')}`
      return body + checkCharacter(body)
    }
    t.equal((await look(code, phone)).statusCode, 200)
    for (const n of [1, 2, 3]) {
      const res = await look(unknown(n), phone)
      t.equal(res.statusCode, 404)
      t.match(res.json().error.message, /查无此承诺牌/)
    }
    t.equal((await look(unknown(4), phone)).statusCode, 429, 'this device has guessed enough')
    t.equal((await look(code, phone)).statusCode, 200, 'but a real plaque still answers it')
    t.equal((await look(code.toLowerCase(), phone)).statusCode, 200, 'in any case')
    const neighbour = await token()
    t.equal(
      (await look(unknown(5), neighbour)).statusCode,
      404,
      'another phone on the IP is not stopped',
    )
    t.equal((await look(unknown(6))).statusCode, 404, 'nor a browser without a token')
    // Loosely per IP: 6 unknown codes from one address in all. A device already refused
    // does not use up the address's count for its neighbours: 3 + 1 + 1 so far.
    t.equal((await look(unknown(7))).statusCode, 404, 'the sixth from the address')
    t.equal((await look(unknown(8))).statusCode, 429, 'the address as a whole has a looser cap')
    t.equal((await look(code)).statusCode, 200, 'which never blocks a real plaque either')
    t.equal(
      (await look(unknown(9), undefined, '198.51.100.9')).statusCode,
      404,
      'another address is not',
    )
    const typo = await look(`${code.slice(0, -1)}${code.endsWith('2') ? '3' : '2'}`, phone)
    t.equal(typo.statusCode, 400, 'a mistyped code is a format error, not a forgery')
    t.match(typo.json().error, {
      message: '查验码格式不对，请核对',
      fields: [{ field: 'params.code' }],
    })
    t.equal((await look('has space', phone)).statusCode, 400, 'so is anything that is not a code')
  },
)
