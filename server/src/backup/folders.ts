import { mkdir, readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { BackupError } from './manifest.ts'

export async function emptyFolder(dir: string, what: string): Promise<void> {
  const entries = await readdir(dir).catch(() => undefined)
  if (entries && entries.length > 0) throw new BackupError(`${what} ${dir} is not empty`)
  await mkdir(dir, { recursive: true })
}

export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(path.resolve(parent), path.resolve(child))
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

export async function exists(target: string): Promise<boolean> {
  return stat(target).then(
    () => true,
    () => false,
  )
}
