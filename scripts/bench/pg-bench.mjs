// A throwaway PostgreSQL database for a benchmark, with the extensions the migrations
// need created as the superuser first (as a DBA does in production).
import pg from 'pg'

const server = (process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432').replace(/\/$/, '')

async function admin(database, statements) {
  const client = new pg.Client({ connectionString: `${server}/${database}` })
  await client.connect()
  try {
    for (const statement of statements) await client.query(statement)
  } finally {
    await client.end()
  }
}

/** A database an earlier run kept (`--keep`): reused as it is; `drop()` leaves it. */
export function keptBenchDatabase(name) {
  if (!/^djt_bench_\w+$/.test(name)) throw new Error(`not a kept benchmark database: ${name}`)
  return {
    url: `${server}/${name}`,
    name,
    drop: async () => {},
    dropNow: () => admin('postgres', [`drop database if exists ${name} with (force)`]),
  }
}

/** Creates djt_bench_<purpose>_<pid>; `drop()` removes it. */
export async function createBenchDatabase(purpose) {
  const name = `djt_bench_${purpose}_${process.pid}`
  await admin('postgres', [`drop database if exists ${name}`, `create database ${name}`])
  await admin(
    name,
    ['cube', 'earthdistance', 'ltree', 'pgcrypto'].map((ext) => `create extension ${ext}`),
  )
  return {
    url: `${server}/${name}`,
    name,
    drop: () => admin('postgres', [`drop database if exists ${name} with (force)`]),
  }
}
