import { CODE_PREFIX, checkCharacter } from '@djt/shared'
import t from 'tap'
import { jsonArray } from '../src/kernel/json-array.ts'
import { newPledgeCode } from '../src/pledges/pledge-code.ts'
import { signInStaff } from './fixtures/accounts.ts'
import { pledgeContent, publicPledge, verifiedOperator } from './fixtures/pledges.ts'
import { buildTestApp } from './helper.ts'

/** The text a person sees on an HTML page: tags dropped, entities read. */
const visible = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')

const fullWidth = (code: string) =>
  code.replace(/[0-9A-Za-z]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0))

t.test(
  'the plain-QR page: the verdict in the first answer, for the code as people type it',
  async (t) => {
    const app = await buildTestApp(t)
    const staff = await signInStaff(app, 'county.page', 'county', '350102')
    const owner = await verifiedOperator(app, staff, '店主页')
    const { id, code } = await publicPledge(
      app,
      staff,
      owner,
      pledgeContent({ business: '李红水果店<script>alert(1)</script>' }),
    )
    t.match(code, new RegExp(`^${CODE_PREFIX}[0-9A-Z]{14}$`), 'a new code: D, 13 random, a check')

    const page = await app.inject(`/p/${code}`)
    t.equal(page.statusCode, 200)
    t.match(page.headers['content-type'], /^text\/html/)
    t.equal(page.headers['cache-control'], 'no-cache', 'a revocation shows on the next scan')
    const text = visible(page.body)
    t.match(text, /有效/)
    t.match(text, /诚信经营，不缺斤短两/)
    t.notMatch(page.body, /<script>alert/, 'what the owner typed is escaped')
    t.match(text, /李红水果店<script>alert\(1\)<\/script>/, 'and shown as typed')
    t.notMatch(page.body, /<script[\s>]/, 'the page carries no script at all')
    t.ok(page.body.length < 8_000, `small enough for a weak signal: ${page.body.length} bytes`)

    for (const typed of [
      code.toLowerCase(),
      `${code.slice(0, 5)} ${code.slice(5, 10)} ${code.slice(10)}`,
      fullWidth(code),
      code.replace(/0/g, 'O').replace(/1/g, 'I'),
    ]) {
      const res = await app.inject(`/p/${encodeURIComponent(typed)}`)
      t.equal(res.statusCode, 200, `${typed} reads as the code`)
      t.match(visible(res.body), /有效/)
    }

    // One character wrong: the check character catches it, and the page says so.
    const at = 7
    const typo = code.slice(0, at) + (code[at] === '2' ? '3' : '2') + code.slice(at + 1)
    const mistyped = await app.inject(`/p/${typo}`)
    t.equal(mistyped.statusCode, 400)
    t.match(visible(mistyped.body), /查验码格式不对，请核对/)
    t.notMatch(visible(mistyped.body), /无效/, 'a typo is not called forged')
    for (const junk of ['hello', '12345', '%E6%89%BF%E8%AF%BA'])
      t.equal((await app.inject(`/p/${junk}`)).statusCode, 400, `${junk}: not a code`)

    // Well-formed, with a right check character, never issued: only this reads 无效.
    let unknown = newPledgeCode()
    while (unknown === code) unknown = newPledgeCode()
    const forged = await app.inject(`/p/${unknown}`)
    t.equal(forged.statusCode, 404)
    t.match(visible(forged.body), /无效/)

    // Revoked (the owner withdraws): the next scan says so.
    const withdrawn = await app.inject({
      method: 'POST',
      url: '/api/v1/pledges/mine/withdraw',
      headers: owner.auth,
      payload: {},
    })
    t.equal(withdrawn.statusCode, 200)
    t.match(visible((await app.inject(`/p/${code}`)).body), /已撤销/)
    t.ok(id)
  },
)

t.test('the report counts on the page equal its list', async (t) => {
  const app = await buildTestApp(t)
  const staff = await signInStaff(app, 'county.rep', 'county', '350102')
  const owner = await verifiedOperator(app, staff, '店主报')
  const { id, code } = await publicPledge(app, staff, owner)
  const page = async () => visible((await app.inject(`/p/${code}`)).body)
  t.match(await page(), /已核实的举报（0 条） 暂无已核实的举报/)
  t.notMatch(await page(), /正在核实/)
  const now = new Date()
  await app.db
    .insertInto('pledge_reports')
    .values([
      { pledge_id: id, text: '称重缺斤短两，少了二两', device: 'd1', check_notes: jsonArray([]) },
      { pledge_id: id, text: '价格标签与结算不一致', device: 'd2', check_notes: jsonArray([]) },
      {
        pledge_id: id,
        text: '不给开小票，态度差',
        device: 'd3',
        check_notes: jsonArray([]),
        outcome: 'upheld',
        response: '经核查属实，已责令整改',
        responded_at: now,
      },
    ])
    .execute()
  const text = await page()
  t.match(text, /已核实的举报（1 条）/)
  t.equal(text.match(/核查结论：/g)?.length, 1, 'one answered report listed')
  t.match(text, /不给开小票，态度差 核查结论：举报属实，已责令整改。经核查属实，已责令整改/)
  t.match(text, /另有 2 条举报正在核实/)
  t.notMatch(text, /暂无已核实的举报/, 'never "none" beside a count')
})

t.test(
  'codes issued before keep resolving, in any case; an ambiguous fold resolves none',
  async (t) => {
    const app = await buildTestApp(t)
    const staff = await signInStaff(app, 'county.old', 'county', '350102')
    const owner = await verifiedOperator(app, staff, '店主旧')
    const { id } = await publicPledge(app, staff, owner)
    const legacy = 'cAb3dE5fG7hJ'
    await app.db.updateTable('pledges').set({ code: legacy }).where('id', '=', id).execute()
    for (const typed of [
      legacy,
      'CAb3dE5fG7hJ',
      'cab3de5fg7hj',
      'CAB3DE5FG7HJ',
      ' cAb3 dE5f G7hJ ',
    ]) {
      const res = await app.inject(`/p/${encodeURIComponent(typed)}`)
      t.equal(res.statusCode, 200, `${typed} finds the old plaque`)
      t.match(visible(res.body), /有效/)
    }
    const api = await app.inject(`/api/v1/public/pledges/${legacy}`)
    t.equal(api.statusCode, 200, 'the API still answers the exact old code')

    const second = await verifiedOperator(app, staff, '店主旧二')
    const other = await publicPledge(app, staff, second)
    await app.db
      .updateTable('pledges')
      .set({ code: 'cAB3dE5fG7hJ' })
      .where('id', '=', other.id)
      .execute()
    t.equal((await app.inject(`/p/${legacy}`)).statusCode, 200, 'the exact code still wins')
    t.equal(
      (await app.inject('/p/cab3de5fg7hj')).statusCode,
      404,
      'two old codes equal in another case: neither is guessed',
    )
    t.equal(checkCharacter('D').length, 1)
  },
)
