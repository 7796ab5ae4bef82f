import { mkdir, readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { DataDirLockedError, lockDataDir } from '../db/lock.ts'
import { copyTree } from '../kernel/copy-tree.ts'
import { BackupError } from './manifest.ts'

const LOCK_FILE = 'server.lock'

/**
 * Copies DATA_DIR while holding its lock: a running server holds it, so this refuses
 * instead of copying files PGlite is writing; and no server can start until the copy ends.
 * (PGlite's dumpDataDir copies online, but only inside the server's own process.)
 */
export async function copyDataDirOut(dataDir: string, copy: string): Promise<void> {
  if (!(await isDirectory(path.join(dataDir, 'pglite')))) {
    throw new BackupError(`${dataDir} holds no embedded database (no pglite folder)`)
  }
  const lock = await lockDataDir(dataDir).catch(stopTheServerFirst)
  try {
    await copyTree(dataDir, copy, (source) => isLock(dataDir, source))
  } finally {
    await lock.release()
  }
}

/** Copies a backup into an empty DATA_DIR, holding its lock so no server starts meanwhile. */
export async function copyDataDirIn(copy: string, dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true })
  const lock = await lockDataDir(dataDir).catch(stopTheServerFirst)
  try {
    const present = (await readdir(dataDir)).filter((name) => name !== LOCK_FILE)
    if (present.length > 0) {
      throw new BackupError(
        `DATA_DIR ${dataDir} is not empty (${present.join(', ')}): restore into a new folder, or move this one away first`,
      )
    }
    await copyTree(copy, dataDir, (source) => isLock(copy, source))
  } finally {
    await lock.release()
  }
}

function stopTheServerFirst(error: unknown): never {
  if (!(error instanceof DataDirLockedError)) throw error
  throw new BackupError(
    `The embedded folder is copied only while no server uses it. ${error.message}`,
  )
}

function isLock(root: string, source: string): boolean {
  return source === path.join(root, LOCK_FILE)
}

async function isDirectory(target: string): Promise<boolean> {
  return stat(target).then(
    (info) => info.isDirectory(),
    () => false,
  )
}
