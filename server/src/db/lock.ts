import { open, readFile, rm } from 'node:fs/promises'
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
 * (SERVER.md), so the server takes an exclusive lock file first. A lock left by a dead
 * process on this host is taken over.
 */
export async function lockDataDir(dataDir: string): Promise<{ release(): Promise<void> }> {
  const file = path.join(dataDir, 'server.lock')
  const me: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, 'wx')
      await handle.writeFile(JSON.stringify(me))
      await handle.close()
      return { release: () => releaseIfOurs(file, me) }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = await readHolder(file)
      if (holder && holderIsAlive(holder)) {
        throw new DataDirLockedError(
          `The data folder ${dataDir} is in use by another server (pid ${holder.pid} on ${holder.host}, since ${holder.startedAt}). ` +
            'Stop that server, or start this one with another DATA_DIR.',
        )
      }
      await rm(file, { force: true })
    }
  }
  throw new DataDirLockedError(
    `Could not lock the data folder ${dataDir}: another server keeps taking it.`,
  )
}

async function readHolder(file: string): Promise<LockHolder | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LockHolder
  } catch {
    return undefined // empty or half-written: its writer died before finishing
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
