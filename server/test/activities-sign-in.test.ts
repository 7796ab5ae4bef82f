import ExcelJS from 'exceljs'
import t from 'tap'
import { createSignInCodes } from '../src/activities/sign-in-code.ts'
import { deleteOrphanPhotos } from '../src/uploads/photos.repository.ts'
import { signInStaff } from './fixtures/accounts.ts'
import { activityInput, member, place, publish, signUp } from './fixtures/activities.ts'
import { branchInput, placeInput } from './fixtures/matrix-places.ts'
import { uploadPhoto } from './fixtures/pledges.ts'
import { buildTestApp } from './helper.ts'

const HOUR = 60 * 60 * 1000
const WINDOW = 30_000

/** The field messages of a refused request, by field. */
function fieldsOf(body: string): Record<string, string> {
  const fields = JSON.parse(body).error.fields ?? []
  return Object.fromEntries(
    fields.map((f: { field: string; message: string }) => [f.field, f.message]),
  )
}

t.test('sign-in at the venue with the 30-second code, by hand, and after closing', async (t) => {
  const app = await buildTestApp(t)
  await app.ready()
  // One second into a 30-second window, so "the next window" is exactly +30 s.
  let now = new Date(Math.floor(Date.parse('2026-07-01T01:00:00Z') / WINDOW) * WINDOW + 1000)
  app.clock = () => now
  const later = (ms: number) => {
    now = new Date(now.getTime() + ms)
  }
  const at = (hours: number) => new Date(now.getTime() + hours * HOUR).toISOString()
  const station = await signInStaff(app, 'sign.station', 'station', '350102')
  const siming = await signInStaff(app, 'sign.siming', 'county', '350203')
  const branch = await place(app, station, branchInput())
  const activity = await publish(
    app,
    station,
    activityInput(branch.id, { startsAt: at(2), endsAt: at(4) }),
  )
  const hall = await place(
    app,
    station,
    placeInput({ name: '党群服务中心', kind: 'service_center' }),
  )
  const other = await publish(
    app,
    station,
    activityInput(hall.id, { title: '另一场活动', startsAt: at(2), endsAt: at(4) }),
  )
  const alice = await member(app, 'sign-alice')
  const bob = await member(app, 'sign-bob')
  const carol = await member(app, 'sign-carol')
  for (const account of [alice, bob])
    for (const id of [activity.id, other.id])
      t.equal((await signUp(app, account, id)).statusCode, 204)

  const codeOf = (id = activity.id, account = station) =>
    app.inject({ url: `/api/v1/staff/activities/${id}/sign-in-code`, headers: account.auth })
  const early = await codeOf()
  t.equal(early.statusCode, 409, 'no code two hours before the start')
  t.match(early.json().error.message, '不在签到时间内')

  later(2 * HOUR - 10 * 60 * 1000) // ten minutes before the start
  t.equal((await codeOf(activity.id, siming)).statusCode, 404, 'not outside the jurisdiction')
  const shown = await codeOf()
  t.equal(shown.statusCode, 200)
  const { code, expiresAt, qrDataUrl } = shown.json()
  t.match(qrDataUrl, /^data:image\/svg\+xml;base64,/, 'the code as a QR image')
  t.match(Buffer.from(qrDataUrl.split(',')[1], 'base64').toString(), '<svg', 'an SVG')
  t.equal(Date.parse(expiresAt) - now.getTime(), WINDOW - 1000, 'replaced at the window end')
  t.equal((await codeOf()).json().code, code, 'the same code within the window')

  const scan = (account: { auth: Record<string, string> }, sent: string, id = activity.id) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/activities/${id}/sign-in`,
      headers: account.auth,
      payload: { code: sent },
    })
  const attendanceRows = () =>
    app.db
      .selectFrom('activity_attendances')
      .select(['activity_id', 'method', 'reason', 'recorded_by'])
      .orderBy('at')
      .execute()
  const fieldMessage = (res: {
    json(): { error: { fields?: { field: string; message: string }[] } }
  }) => res.json().error.fields?.find((f) => f.field === 'body.code')?.message

  const first = await scan(alice, code)
  t.equal(first.statusCode, 201, first.body)
  t.match(first.json(), { message: '签到成功', first: true })
  const replay = await scan(alice, code)
  t.equal(replay.statusCode, 200)
  t.match(replay.json(), { message: '已签到', first: false, at: first.json().at })
  t.equal((await attendanceRows()).length, 1, 'a second scan stores no second row')

  // The previous window's code still works (a scan just as the QR changes)...
  later(WINDOW)
  t.not((await codeOf()).json().code, code, 'a new code every 30 s')
  const previous = await scan(bob, code)
  t.equal(previous.statusCode, 201, 'the code of the window before is accepted')
  // ...the one before that does not: a screenshot passed on later is refused.
  later(WINDOW)
  const stale = await scan(carol, code)
  t.equal(stale.statusCode, 400)
  t.equal(fieldMessage(stale), '签到码已过期，请扫描现场屏幕上最新的二维码')

  const current = (await codeOf()).json().code as string
  const forgedMac = current.slice(0, -2) + (current.endsWith('AA') ? 'BB' : 'AA')
  const forged = await scan(alice, forgedMac, other.id)
  t.equal(forged.statusCode, 400)
  t.equal(fieldMessage(forged), '签到码无效，请扫描活动现场的签到二维码')
  const otherKey = createSignInCodes('another server secret, not ours, 32+ chars')
  const foreign = await scan(alice, otherKey.current(other.id, now).code, other.id)
  t.equal(
    fieldMessage(foreign),
    '签到码无效，请扫描活动现场的签到二维码',
    'signed with another key',
  )
  const wrongActivity = await scan(alice, current, other.id)
  t.equal(wrongActivity.statusCode, 400)
  t.equal(fieldMessage(wrongActivity), '该签到码不是本活动的，请确认活动后重新扫码')
  t.equal(fieldMessage(await scan(alice, 'hello')), '无法识别的签到码，请扫描活动现场的签到二维码')
  const future = otherKey.current(activity.id, new Date(now.getTime() + 5 * WINDOW))
  t.equal((await scan(carol, future.code)).statusCode, 400, 'a code from the future is forged')
  const notSignedUp = await scan(carol, current)
  t.equal(notSignedUp.statusCode, 403, 'carol did not sign up')
  t.same(
    (await attendanceRows()).map((row) => row.activity_id),
    [activity.id, activity.id],
    'only alice and bob, on their activity',
  )

  // The organiser ticks a member by hand, with a reason.
  const carolId = (
    await app.db
      .selectFrom('memberships')
      .select('id')
      .where('user_id', '=', carol.id)
      .executeTakeFirstOrThrow()
  ).id
  const aliceDetail = await app.inject({
    url: `/api/v1/staff/activities/${other.id}`,
    headers: station.auth,
  })
  const aliceId = aliceDetail.json().signups[0].membershipId as string
  const tick = (membershipId: string, reason: string, id = other.id, account = station) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/staff/activities/${id}/attendances`,
      headers: account.auth,
      payload: { membershipId, reason },
    })
  t.equal((await tick(aliceId, '')).statusCode, 400, 'a reason is required')
  t.equal((await tick(aliceId, '手机没电', other.id, siming)).statusCode, 404)
  const notOnList = await tick(carolId, '临时来参加')
  t.equal(notOnList.statusCode, 400)
  t.equal(notOnList.json().error.fields[0].field, 'body.membershipId')
  const ticked = await tick(aliceId, '手机没电，现场核对身份')
  t.equal(ticked.statusCode, 201, ticked.body)
  t.match(ticked.json().attendances, [
    { membershipId: aliceId, method: 'manual', reason: '手机没电，现场核对身份' },
  ])
  t.equal((await tick(aliceId, '再补一次')).statusCode, 409, 'once only')
  t.equal(
    (await scan(alice, (await codeOf(other.id)).json().code, other.id)).json().message,
    '已签到',
  )
  const manualAudit = await app.db
    .selectFrom('audit_log')
    .select(['actor_id', 'target_id', 'detail'])
    .where('action', '=', 'activity.attendance_manual')
    .execute()
  t.match(manualAudit, [
    {
      actor_id: station.id,
      target_id: other.id,
      detail: { membershipId: aliceId, reason: '手机没电，现场核对身份' },
    },
  ])

  // Closing freezes attendance.
  const close = (minutes: string, id = activity.id) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/staff/activities/${id}/close`,
      headers: station.auth,
      payload: { minutes },
    })
  const notYet = await close('太早了')
  t.equal(notYet.statusCode, 409, 'not before the start')
  later(30 * 60 * 1000)
  const closed = await close('学习了党章第一章，8人参加。')
  t.equal(closed.statusCode, 200, closed.body)
  t.match(closed.json(), { state: 'closed', minutes: '学习了党章第一章，8人参加。' })
  t.equal((await close('再关一次')).statusCode, 409)
  t.equal((await codeOf()).statusCode, 409, 'no code after closing')
  const bobDetail = (
    await app.inject({ url: `/api/v1/staff/activities/${activity.id}`, headers: station.auth })
  ).json()
  const frozenTick = await tick(bobDetail.signups[1].membershipId, '补签', activity.id)
  t.equal(frozenTick.statusCode, 409)
  const lateCode = otherKey.current(activity.id, now).code
  t.equal((await scan(bob, lateCode)).statusCode, 409, 'no scan after closing')
  const stored = await attendanceRows()
  t.equal(stored.filter((row) => row.activity_id === activity.id).length, 2, 'frozen at two')

  const mine = (await app.inject({ url: '/api/v1/activities/mine', headers: alice.auth })).json()
  t.ok(
    mine.items.every((item: { attendedAt: string | null }) => item.attendedAt),
    'alice attended both',
  )
  const row = await app.db
    .selectFrom('activity_attendances')
    .selectAll()
    .where('method', '=', 'scan')
    .executeTakeFirstOrThrow()
  t.notOk('lat' in row || 'lng' in row, 'no location stored with attendance')

  // Exported with the member's own data (PIPL): what they signed up for and attended.
  const exported = (await app.inject({ url: '/api/v1/me/data', headers: alice.auth })).json()
  t.match(exported.activities, [
    { title: '矩阵主题党日', signup_state: 'active', attendance_method: 'scan' },
    { title: '另一场活动', signup_state: 'active', attendance_method: 'manual' },
  ])
  t.equal(exported.activities.length, 2)
  const xlsx = await app.inject({ url: '/api/v1/me/data.xlsx', headers: alice.auth })
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
  const sheet = workbook.getWorksheet('组织生活')
  t.same(
    [sheet?.getCell(3, 1).value, sheet?.getCell(3, 2).value, sheet?.getCell(3, 8).value],
    ['矩阵主题党日', '主题党日', '现场扫码'],
  )
  t.equal(sheet?.getCell(4, 8).value, '组织者补签')
})

t.test("closing record: minutes checked, up to nine of the organiser's photos, kept", async (t) => {
  const app = await buildTestApp(t)
  await app.ready()
  let now = new Date('2026-07-01T01:00:00Z')
  app.clock = () => now
  const at = (hours: number) => new Date(now.getTime() + hours * HOUR).toISOString()
  const station = await signInStaff(app, 'close.station', 'station', '350102')
  const county = await signInStaff(app, 'close.county', 'county', '350102')
  const siming = await signInStaff(app, 'close.siming', 'county', '350203')
  const rider = await member(app, '关照片')
  const branch = await place(app, station, branchInput())
  const activity = await publish(
    app,
    station,
    activityInput(branch.id, { startsAt: at(1), endsAt: at(3) }),
  )
  const other = await publish(
    app,
    station,
    activityInput(branch.id, { startsAt: at(4), endsAt: at(5) }),
  )
  now = new Date(now.getTime() + 6 * HOUR)
  const photoOf = async (by: typeof station) => {
    const res = await uploadPhoto(app, by)
    t.equal(res.statusCode, 201, res.body)
    return res.json().id as string
  }
  const mine = [await photoOf(station), await photoOf(station), await photoOf(station)]
  const riders = await photoOf(rider)
  const close = (payload: Record<string, unknown>, id = activity.id) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/staff/activities/${id}/close`,
      headers: station.auth,
      payload,
    })
  const state = async () =>
    (
      await app.inject({ url: `/api/v1/staff/activities/${activity.id}`, headers: station.auth })
    ).json()

  const refused: [Record<string, unknown>, string, string][] = [
    [{ minutes: '网上赌博群里学习' }, 'body.minutes', '活动记录含有不宜公开的内容'],
    [
      { minutes: '学习党章', photoIds: [mine[0], riders] },
      'body.photoIds.1',
      '第2张照片不存在或不是你上传的',
    ],
    [
      { minutes: '学习党章', photoIds: [mine[0], mine[0]] },
      'body.photoIds',
      '同一张照片只能放一次',
    ],
    [
      { minutes: '学习党章', photoIds: Array.from({ length: 10 }, () => mine[0]) },
      'body.photoIds',
      '照片最多9张',
    ],
    [{ minutes: '学习党章', photoIds: ['not-a-photo'] }, 'body.photoIds.0', '照片编号格式不正确'],
  ]
  for (const [payload, field, message] of refused) {
    const res = await close(payload)
    t.equal(res.statusCode, 400, `${field}: ${res.body}`)
    t.match(fieldsOf(res.body)[field], message, field)
  }
  t.match(
    await state(),
    { state: 'published', minutes: null, photoIds: [] },
    'nothing half-written',
  )

  const closed = await close({
    minutes: '学习党章第一章，3张照片。',
    photoIds: [mine[2], mine[0], mine[1]],
  })
  t.equal(closed.statusCode, 200, closed.body)
  t.match(
    closed.json(),
    { state: 'closed', photoIds: [mine[2], mine[0], mine[1]] },
    'in the order given',
  )
  const photo = (id: string, account = county, activityId = activity.id) =>
    app.inject({
      url: `/api/v1/staff/activities/${activityId}/photos/${id}`,
      headers: account.auth,
    })
  const shown = await photo(mine[0] ?? '')
  t.equal(shown.statusCode, 200, 'the county above the station opens it')
  t.equal(shown.headers['content-type'], 'image/png')
  t.equal(shown.headers['cache-control'], 'private, no-store')
  t.equal((await photo(mine[0] ?? '', siming)).statusCode, 404, 'outside the jurisdiction')
  t.equal((await photo(riders)).statusCode, 404, 'not on the record')
  t.equal((await photo(mine[0] ?? '', county, other.id)).statusCode, 404, 'another activity')
  const audit = await app.db
    .selectFrom('audit_log')
    .select('detail')
    .where('action', '=', 'activity.close')
    .executeTakeFirstOrThrow()
  t.match(audit.detail, { photos: 3 })

  // The daily clean-up of unused photos keeps the record's, and still deletes the unused one.
  await app.db
    .updateTable('pledge_photos')
    .set({ created_at: new Date(Date.now() - 2 * 24 * HOUR) })
    .execute()
  t.equal(await deleteOrphanPhotos(app.db), 1, "the rider's unused photo only")
  t.equal((await photo(mine[1] ?? '')).statusCode, 200)
})
