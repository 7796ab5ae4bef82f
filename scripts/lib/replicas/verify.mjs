// What the database kept after the replicas load: every acknowledged write once, the
// period freeze once per region, the audit retention once.
import pg from 'pg'

const ok = (write) => write.status >= 200 && write.status < 300

/**
 * `lost`: writes answered 2xx that are not in the database; `duplicated`: rows that exist
 * more than once for what should be one (one open registration per person, one rating
 * per tag, one open check-in per member and branch).
 */
export async function checkDatabase(databaseUrl, schema, writes, { oldAuditRows }) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query(`set search_path = ${schema}, public`)
    const rows = (text, values) => client.query(text, values).then((result) => result.rows)
    return await inspect(rows, writes, oldAuditRows)
  } finally {
    await client.end()
  }
}

async function inspect(rows, writes, oldAuditRows) {
  const acked = (kind) => writes.filter((write) => write.kind === kind && ok(write))

  const membershipIds = acked('membership').map((write) => write.id)
  const memberships = await rows('select id, user_id from memberships where id = any($1::uuid[])', [
    membershipIds,
  ])
  const perUser = await rows(
    `select user_id, count(*)::int as n from memberships
     where state not in ('revoked', 'withdrawn') group by user_id having count(*) > 1`,
  )

  const tags = acked('rating').map((write) => write.tag)
  const ratings = await rows(
    'select comment, count(*)::int as n from pledge_ratings where comment = any($1) group by comment',
    [tags],
  )
  const ratingCount = new Map(ratings.map((row) => [row.comment, row.n]))

  const checkinIds = acked('checkin').map((write) => write.id)
  const checkins = await rows('select id from branch_checkins where id = any($1::uuid[])', [
    checkinIds,
  ])
  const doubleCheckins = await rows(
    `select place_id, membership_id from branch_checkins
     where state in ('pending', 'approved') group by 1, 2 having count(*) > 1`,
  )

  const [regions] = await rows('select count(*)::int as n from regions')
  const snapshots = await rows(
    'select period, region_code, count(*)::int as n from ledger_period_snapshots group by 1, 2',
  )
  const retention = await rows(
    `select detail from audit_log where action = 'system.audit_retention' order by id`,
  )
  const [oldLeft] = await rows(
    `select count(*)::int as n from audit_log where action = 'replicas.old_row'`,
  )

  return {
    acknowledged: {
      memberships: membershipIds.length,
      ratings: tags.length,
      checkins: checkinIds.length,
    },
    lost: {
      memberships: membershipIds.length - memberships.length,
      ratings: tags.filter((tag) => !ratingCount.has(tag)).length,
      checkins: checkinIds.length - checkins.length,
    },
    duplicated: {
      memberships: perUser.length,
      ratings: ratings.filter((row) => row.n > 1).length,
      checkins: doubleCheckins.length,
    },
    freeze: {
      regions: regions.n,
      periods: [...new Set(snapshots.map((row) => row.period))],
      snapshots: snapshots.length,
      regionsFrozenTwice: snapshots.filter((row) => row.n > 1).length,
    },
    retention: { runs: retention.map((row) => row.detail), oldRowsLeft: oldLeft.n, oldAuditRows },
  }
}
