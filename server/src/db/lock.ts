import { randomBytes } from 'node:crypto'
import { link, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

interface LockHolder {
  pid: number
  host: string
  startedAt: string
}

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError'
}

/**
 * PGlite does nothing to stop two processes opening one folder, and that corrupts it
 * (SERVER.md), so the server takes an exclusive lock file first. The file appears with its
 * content in one step (written aside, then hard-linked into place, which fails if the name
 * exists), so no other server ever reads it empty. A lock left by a dead process on this
 * host is taken over, one taker at a time.
 */
export async function lockDataDir(dataDir: string): Promise<{ release(): Promise<void> }> {
  const file = path.join(dataDir, 'server.lock')
  const me: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
  }
  for (let attempt = 0; attempt < 10; attempt++) {
    if (await createWithContent(file, me)) return { release: () => releaseIfOurs(file, me) }
    const holder = await readHolder(file)
    if (holder && holderIsAlive(holder)) {
      throw new DataDirLockedError(
        `The data folder ${dataDir} is in use by another server (pid ${holder.pid} on ${holder.host}, since ${holder.startedAt}). ` +
          'Stop that server, or start this one with another DATA_DIR.',
      )
    }
    await removeStale(file, me)
  }
  throw new DataDirLockedError(
    `Could not lock the data folder ${dataDir}: another server keeps taking it.`,
  )
}

/** Creates `file` holding `holder`, atomically; false when the name is taken. */
async function createWithContent(file: string, holder: LockHolder): Promise<boolean> {
  const aside = `${file}.${process.pid}.${randomBytes(6).toString('hex')}`
  await writeFile(aside, JSON.stringify(holder), { flag: 'wx' })
  try {
    await link(aside, file)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    return false
  } finally {
    await rm(aside, { force: true })
  }
}

/**
 * Removes a dead holder's lock. Two starters could both find it dead, and the slower
 * one would then remove the faster one's new lock: the taker first holds
 * `server.lock.takeover` (itself created atomically), then checks again.
 */
async function removeStale(file: string, me: LockHolder): Promise<void> {
  const takeover = `${file}.takeover`
  if (!(await createWithContent(takeover, me))) {
    const taker = await readHolder(takeover)
    // A taker that died mid-takeover must not block the folder for ever.
    if (taker && !holderIsAlive(taker)) await rm(takeover, { force: true })
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 30))
    return
  }
  try {
    // Only a lock that is there and dead: a missing one may be created by a starter any
    // moment now (creating needs no takeover), and removing "nothing" after that would
    // remove its live lock and let a second starter in.
    const holder = await readPresentHolder(file)
    if (holder === 'unreadable' || (holder && !holderIsAlive(holder)))
      await rm(file, { force: true })
  } finally {
    await rm(takeover, { force: true })
  }
}

async function readHolder(file: string): Promise<LockHolder | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LockHolder
  } catch {
    return undefined // unreadable: removed meanwhile, or written by an older version
  }
}

/** The holder in `file`; undefined when there is no file; 'unreadable' for a foreign one. */
async function readPresentHolder(file: string): Promise<LockHolder | 'unreadable' | undefined> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  try {
    return JSON.parse(text) as LockHolder
  } catch {
    return 'unreadable' // written by an older version: no holder to ask
  }
}

function holderIsAlive(holder: LockHolder): boolean {
  if (holder.host !== os.hostname()) return true // cannot check another machine: assume it runs
  try {
    process.kill(holder.pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function releaseIfOurs(file: string, me: LockHolder): Promise<void> {
  const holder = await readHolder(file)
  if (holder?.pid === me.pid && holder.startedAt === me.startedAt) await rm(file, { force: true })
}
