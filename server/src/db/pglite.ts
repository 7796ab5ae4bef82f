import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { CHINA_TIME_ZONE } from '@djt/shared'
import { PGlite } from '@electric-sql/pglite'
import { cube } from '@electric-sql/pglite/contrib/cube'
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance'
import { ltree } from '@electric-sql/pglite/contrib/ltree'
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto'
import { Kysely } from 'kysely'
import { PGliteDialect } from 'kysely-pglite-dialect'
import type { DatabaseHandle } from './handle.ts'
import { lockDataDir } from './lock.ts'
import type { Database } from './schema.ts'
import { sharedParsers } from './types.ts'

/** Extensions must be passed on every open, not only the first (SERVER.md). */
const extensions = { cube, earthdistance, ltree, pgcrypto }

/**
 * PostgreSQL's own timers (the 10 s idle-statistics flush) run in the WASM runtime as
 * Node timers, and one can outlive close() and re-arm itself forever, so a process that
 * closed its database never exits. They must never keep Node alive: unref them.
 */
function unrefPostgresTimers(): void {
  const original = globalThis.setTimeout
  if ((original as { pgliteUnref?: boolean }).pgliteUnref) return
  const patched = ((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const timer = original(callback, ms, ...args)
    if (String(callback).includes('__emscripten_timeout')) timer.unref()
    return timer
  }) as typeof setTimeout
  Object.assign(patched, original, { pgliteUnref: true })
  globalThis.setTimeout = patched
}

/** One turn of the event loop: the I/O that arrived meanwhile (requests) is read first. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * PGlite runs PostgreSQL in this thread, synchronously under its promises: a job that
 * awaits query after query (a period freeze, an import, a recount) would never let Node
 * read a request until it ended. Every query therefore first gives the event loop one
 * turn; requests that arrived meanwhile queue their queries behind the one in hand, and
 * Kysely's single PGlite connection serves them in that order. The cost is one
 * setImmediate per query, micro-seconds on an idle loop.
 */
function yieldingClient(pglite: PGlite): PGlite {
  return new Proxy(pglite, {
    get(target, key) {
      if (key === 'query' || key === 'exec') {
        const run = Reflect.get(target, key, target) as (...args: unknown[]) => Promise<unknown>
        return async (...args: unknown[]) => {
          await yieldToEventLoop()
          return run.apply(target, args)
        }
      }
      const value: unknown = Reflect.get(target, key, target)
      // PGlite keeps private fields: its methods must run on the instance itself.
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

/** Opens the embedded PostgreSQL in dataDir/pglite, holding dataDir's lock while open. */
export async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  unrefPostgresTimers()
  await mkdir(dataDir, { recursive: true })
  const lock = await lockDataDir(dataDir)
  let pglite: PGlite
  try {
    pglite = await PGlite.create({
      dataDir: path.join(dataDir, 'pglite'),
      extensions,
      parsers: sharedParsers,
    })
    await pglite.exec(`set time zone '${CHINA_TIME_ZONE}'`)
  } catch (error) {
    await lock.release()
    throw error
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(yieldingClient(pglite)) })
  return {
    db,
    driver: 'pglite',
    inScriptTransaction: (fn) =>
      pglite.transaction((tx) =>
        fn({
          query: async (sql, params) => {
            await yieldToEventLoop()
            return (await tx.query(sql, params)).rows as never[]
          },
          exec: async (script) => {
            await yieldToEventLoop()
            await tx.exec(script)
          },
        }),
      ),
    async close() {
      await db.destroy()
      await lock.release()
    },
  }
}
