import { type ChildProcess, fork } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
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

/** Starters racing for one folder: how many got the lock. Each keeps it until all tried. */
async function race(dir: string, starters: number) {
  const outcomes = await Promise.allSettled(
    Array.from({ length: starters }, () => lockDataDir(dir)),
  )
  const holders = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []))
  const refusals = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as Error] : []))
  const content = await readFile(path.join(dir, 'server.lock'), 'utf8')
  for (const holder of holders) await holder.release()
  return { holders: holders.length, refusals, content }
}

t.test('starters racing for a new folder: exactly one holds it, 40 times out of 40', async (t) => {
  for (let trial = 0; trial < 40; trial++) {
    const dir = await tempDir(t)
    const { holders, refusals, content } = await race(dir, 6)
    t.equal(holders, 1, `trial ${trial}: one holder`)
    t.ok(
      refusals.every((error) => error.name === 'DataDirLockedError'),
      'the others are refused as locked',
    )
    t.equal(JSON.parse(content).pid, process.pid, 'the lock file is never read empty')
  }
  t.end()
})

t.test('starters racing to take over a dead holder: exactly one gets it', async (t) => {
  const dead = { pid: 2 ** 22 + 4321, host: os.hostname(), startedAt: '2026-01-01T00:00:00Z' }
  for (let trial = 0; trial < 40; trial++) {
    const dir = await tempDir(t)
    await writeFile(path.join(dir, 'server.lock'), JSON.stringify(dead))
    const { holders } = await race(dir, 6)
    t.equal(holders, 1, `trial ${trial}: one holder`)
  }
  t.end()
})

t.test('a lock written empty by an older version counts as dead', async (t) => {
  const dir = await tempDir(t)
  await writeFile(path.join(dir, 'server.lock'), '')
  const lock = await lockDataDir(dir)
  t.equal(JSON.parse(await readFile(path.join(dir, 'server.lock'), 'utf8')).pid, process.pid)
  await lock.release()
})

t.test('two server processes starting in the same millisecond: one holder, 40 of 40', async (t) => {
  const entry = fileURLToPath(new URL('./fixtures/lock-contender.ts', import.meta.url))
  const contenders = [0, 1].map(() =>
    fork(entry, [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  )
  t.teardown(() => {
    for (const child of contenders) child.kill()
  })
  const next = (child: ChildProcess) =>
    new Promise<Record<string, unknown>>((resolve) => child.once('message', resolve))
  await Promise.all(contenders.map(next))
  for (let trial = 0; trial < 40; trial++) {
    const dir = await tempDir(t)
    const at = Date.now() + 50
    const answers = await Promise.all(
      contenders.map((child) => {
        const answer = next(child)
        child.send({ lock: dir, at })
        return answer
      }),
    )
    t.equal(answers.filter((a) => a.held).length, 1, `trial ${trial}: exactly one holder`)
    await Promise.all(
      contenders.map((child) => {
        const answer = next(child)
        child.send({ release: true })
        return answer
      }),
    )
  }
})
