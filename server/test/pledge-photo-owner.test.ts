import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import t from 'tap'
import { migrate, readMigrations } from '../src/db/migrate.ts'
import { type Account, signInStaff } from './fixtures/accounts.ts'
import {
  decidePledge,
  deviceToken,
  pledgeContent,
  publicPledge,
  submitPledge,
  uploadPhoto,
  verifiedOperator,
} from './fixtures/pledges.ts'
import { buildTestApp } from './helper.ts'

const REFUSED = [{ field: 'body.content.photoId', message: '照片不存在或不是你上传的' }]

const send = (app: FastifyInstance, who: Account, photoId: string) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/pledges/mine',
    headers: who.auth,
    payload: { content: pledgeContent({ photoId }) },
  })

/** Everything a submission writes for `who`: their pledges and every version of them. */
async function writtenFor(app: FastifyInstance, who: Account) {
  const pledges = await app.db
    .selectFrom('pledges')
    .select(['id', 'status', 'public_version_id', 'updated_at'])
    .where('user_id', '=', who.id)
    .execute()
  const versions = await app.db
    .selectFrom('pledge_versions as v')
    .innerJoin('pledges as p', 'p.id', 'v.pledge_id')
    .select(['v.id', 'v.state', 'v.content'])
    .where('p.user_id', '=', who.id)
    .orderBy('v.number')
    .execute()
  return { pledges, versions }
}

async function uploaderOf(app: FastifyInstance, photoId: string) {
  const row = await app.db
    .selectFrom('pledge_photos')
    .select('uploaded_by')
    .where('id', '=', photoId)
    .executeTakeFirstOrThrow()
  return row.uploaded_by
}

async function anonymousReportPhoto(app: FastifyInstance, code: string): Promise<string> {
  const upload = await uploadPhoto(app)
  const report = await app.inject({
    method: 'POST',
    url: `/api/v1/public/pledges/${code}/reports`,
    headers: { 'x-device-id': deviceToken(app) },
    payload: { text: '称重缺斤短两，少了二两', photoId: upload.json().id },
  })
  if (report.statusCode !== 201) throw new Error(`report failed: ${report.body}`)
  return upload.json().id
}

t.test('a pledge takes only a photo its owner uploaded', async (t) => {
  const app = await buildTestApp(t)
  const staff = await signInStaff(app, 'county.gl', 'county', '350102')
  const owner = await verifiedOperator(app, staff, '店主甲')
  const other = await verifiedOperator(app, staff, '店主乙')

  const own = (await uploadPhoto(app, owner)).json().id
  const others = (await uploadPhoto(app, other)).json().id
  t.equal(await uploaderOf(app, own), owner.id, 'a signed-in upload records its uploader')
  const { code } = await publicPledge(app, staff, other, pledgeContent({ photoId: others }))
  const reported = await anonymousReportPhoto(app, code)
  t.equal(await uploaderOf(app, reported), null, 'an upload without sign-in has no uploader')

  for (const [what, photoId] of [
    ["another member's photo", others],
    ["an anonymous report's photo", reported],
  ] as const) {
    const refused = await send(app, owner, photoId)
    t.equal(refused.statusCode, 400, `${what} is refused on a first pledge`)
    t.match(refused.json().error, { code: 'validation_failed', fields: REFUSED })
    t.same(await writtenFor(app, owner), { pledges: [], versions: [] }, 'nothing is written')
  }

  const first = await send(app, owner, own)
  t.equal(first.statusCode, 201, 'my own photo is taken')
  const pledge = first.json()
  t.equal((await decidePledge(app, staff, pledge.id, pledge.versions[0].id)).statusCode, 200)
  const approved = await writtenFor(app, owner)
  t.match(approved.versions, [{ state: 'approved', content: { photoId: own } }])

  for (const photoId of [others, reported]) {
    const edit = await send(app, owner, photoId)
    t.equal(edit.statusCode, 400, 'an edit with a photo not mine is refused')
    t.match(edit.json().error.fields, REFUSED)
    t.same(await writtenFor(app, owner), approved, 'the pledge and its versions are as they were')
  }
  const kept = await send(app, owner, own)
  t.equal(kept.statusCode, 201, 'an edit keeping my own photo is taken')
  t.match((await writtenFor(app, owner)).versions, [
    { state: 'approved', content: { photoId: own } },
    { state: 'pending', content: { photoId: own } },
  ])
  t.equal((await send(app, other, others)).statusCode, 201, 'the other member keeps theirs')
})

t.test('migration 0019 gives a photo already shown to the pledge that used it first', async (t) => {
  const app = await buildTestApp(t)
  const staff = await signInStaff(app, 'county.gl', 'county', '350102')
  const first = await verifiedOperator(app, staff, '店主丙')
  const second = await verifiedOperator(app, staff, '店主丁')
  const shared = (await uploadPhoto(app, first)).json().id
  const { code } = await publicPledge(app, staff, first, pledgeContent({ photoId: shared }))
  const unused = (await uploadPhoto(app, first)).json().id
  const reported = await anonymousReportPhoto(app, code)
  // Before 0019 any photo id was taken: the second owner's pledge shows the first one's photo.
  const copied = await submitPledge(app, second)
  await app.db
    .updateTable('pledge_versions')
    .set({ content: pledgeContent({ photoId: shared }) })
    .where('pledge_id', '=', copied.id)
    .execute()

  // The database as it was before 0019, then upgraded.
  await sql`alter table pledge_photos drop column uploaded_by`.execute(app.db)
  await sql`delete from schema_migrations where version = 19`.execute(app.db)
  t.same(await migrate(app.database, await readMigrations()), ['0019_pledge_photo_uploader.sql'])

  t.equal(await uploaderOf(app, shared), first.id, 'the first pledge to show it owns it')
  t.equal(await uploaderOf(app, unused), null, 'an unused upload stays anonymous')
  t.equal(await uploaderOf(app, reported), null, "a report's photo stays anonymous")
  t.equal((await send(app, first, shared)).statusCode, 201, 'its owner keeps it in an edit')
  const refused = await send(app, second, shared)
  t.equal(refused.statusCode, 400, 'the pledge that copied it must upload its own')
  t.match(refused.json().error.fields, REFUSED)
})
