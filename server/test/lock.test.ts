import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import t from 'tap'
import { lockDataDir } from '../src/db/lock.ts'

async function tempDir(t: { teardown(fn: () => unknown): void }) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'djt-lock-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  return dir
}

t.test('a second holder is refused with a message naming the folder and the holder', async (t) => {
  const dir = await tempDir(t)
  const lock = await lockDataDir(dir)
  await t.rejects(lockDataDir(dir), {
    name: 'DataDirLockedError',
    message: new RegExp(`data folder ${dir} is in use by another server \\(pid ${process.pid}`),
  })
  await lock.release()
  const again = await lockDataDir(dir)
  await again.release()
})

t.test('a lock left by a dead process is taken over', async (t) => {
  const dir = await tempDir(t)
  const dead = { pid: 2 ** 22 + 12345, host: os.hostname(), startedAt: '2026-01-01T00:00:00Z' }
  await writeFile(path.join(dir, 'server.lock'), JSON.stringify(dead))
  const lock = await lockDataDir(dir)
  const holder = JSON.parse(await readFile(path.join(dir, 'server.lock'), 'utf8'))
  t.equal(holder.pid, process.pid)
  await lock.release()
})

t.test('a lock held on another host is respected', async (t) => {
  const dir = await tempDir(t)
  const other = { pid: 1, host: 'another-host', startedAt: '2026-01-01T00:00:00Z' }
  await writeFile(path.join(dir, 'server.lock'), JSON.stringify(other))
  await t.rejects(lockDataDir(dir), { message: /pid 1 on another-host/ })
})
