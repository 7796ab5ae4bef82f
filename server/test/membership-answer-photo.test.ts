import { sql } from 'kysely'
import t from 'tap'
import { deleteOrphanPhotos } from '../src/uploads/photos.repository.ts'
import { signInStaff } from './fixtures/accounts.ts'
import {
  answeredWithPhoto,
  consentingUser,
  riderForm,
  submitMembership,
} from './fixtures/memberships.ts'
import { uploadPhoto } from './fixtures/pledges.ts'
import { buildTestApp } from './helper.ts'

const answer = (payload: Record<string, unknown>) => ({
  action: 'submit',
  form: riderForm(),
  answer: '截图已附上',
  ...payload,
})

t.test('an answer carries one photo; staff in scope open it, others do not', async (t) => {
  const app = await buildTestApp(t)
  const county = await signInStaff(app, 'county.ph', 'county', '350102')
  const { answered, answerPhoto, member } = await answeredWithPhoto(app, county, '截图骑手')
  const mine = (await app.inject({ url: '/api/v1/memberships/mine', headers: member.auth })).json()
  t.match(mine.membership.timeline[0], {
    action: 'answered',
    note: '截图已附上',
    photoId: answerPhoto,
  })
  const detail = await app.inject({
    url: `/api/v1/review/memberships/${answered}`,
    headers: county.auth,
  })
  t.equal(detail.json().timeline[0].photoId, answerPhoto, 'staff see it in the review detail')

  const url = `/api/v1/review/memberships/${answered}/answer-photos/${answerPhoto}`
  const photo = await app.inject({ url, headers: county.auth })
  t.equal(photo.statusCode, 200)
  t.equal(photo.headers['content-type'], 'image/png')
  t.equal(photo.headers['cache-control'], 'private, no-store')
  const elsewhere = await signInStaff(app, 'county.xm', 'county', '350203')
  t.equal((await app.inject({ url, headers: elsewhere.auth })).statusCode, 404, 'out of scope')
  const other = (await uploadPhoto(app, member)).json().id
  const unattached = await app.inject({
    url: `/api/v1/review/memberships/${answered}/answer-photos/${other}`,
    headers: county.auth,
  })
  t.equal(unattached.statusCode, 404, 'only a photo sent with this entry’s answer')
})

t.test('only my own photo, and only with an answer', async (t) => {
  const app = await buildTestApp(t)
  const county = await signInStaff(app, 'county.ph', 'county', '350102')
  const rider = await consentingUser(app, '骑手甲')
  const stranger = await consentingUser(app, '骑手乙')
  const { id } = await submitMembership(app, rider, riderForm())
  const ownPhoto = (await uploadPhoto(app, rider)).json().id
  const early = await app.inject({
    method: 'POST',
    url: '/api/v1/memberships',
    headers: rider.auth,
    payload: answer({ answerPhotoId: ownPhoto }),
  })
  t.equal(early.statusCode, 409, 'no question asked yet')
  t.match(early.json().error.message, '只有回答审核人员的提问时才能附照片')

  const { version } = (
    await app.inject({ url: `/api/v1/review/memberships/${id}`, headers: county.auth })
  ).json()
  await app.inject({
    method: 'POST',
    url: `/api/v1/review/memberships/${id}/decision`,
    headers: county.auth,
    payload: { decision: 'ask', note: '请发截图', version },
  })
  const state = (await app.inject({ url: '/api/v1/memberships/mine', headers: rider.auth })).json()
  t.equal(state.membership.state, 'needs_info')
  const theirs = (await uploadPhoto(app, stranger)).json().id
  const anonymous = (await uploadPhoto(app)).json().id
  for (const photoId of [theirs, anonymous]) {
    const refused = await app.inject({
      method: 'POST',
      url: '/api/v1/memberships',
      headers: rider.auth,
      payload: answer({ answerPhotoId: photoId }),
    })
    t.equal(refused.statusCode, 400)
    t.equal(refused.json().error.fields[0].field, 'answerPhotoId')
  }
  const still = (await app.inject({ url: '/api/v1/memberships/mine', headers: rider.auth })).json()
  t.equal(still.membership.state, 'needs_info', 'nothing was stored')
})

t.test('the retention job keeps an answer photo and deletes unreferenced ones', async (t) => {
  const app = await buildTestApp(t)
  const county = await signInStaff(app, 'county.ph', 'county', '350102')
  const { answerPhoto, member } = await answeredWithPhoto(app, county, '留存骑手')
  const stray = (await uploadPhoto(app, member)).json().id
  await app.db
    .updateTable('pledge_photos')
    .set({ created_at: sql<Date>`now() - interval '2 days'` })
    .execute()
  t.equal(await deleteOrphanPhotos(app.db), 1)
  const left = await app.db.selectFrom('pledge_photos').select('id').execute()
  t.same(
    left.map((row) => row.id),
    [answerPhoto],
  )
  t.not(stray, answerPhoto)
})
