import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { ensureServerBuild, type RunningServer, root, startServer } from '../e2e/harness.ts'
import { compileWxml } from './harness/view-layer.ts'

const dist = path.join(root, 'miniapp/dist')

declare module 'vitest' {
  export interface ProvidedContext {
    server: string
    compiledWxml: string
  }
}

/** Compiles the build's WXML once and starts one server for every test file. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(path.join(dist, 'app.json'))) {
    throw new Error('No weapp build: run `npm run build:weapp` first (npm test does).')
  }
  await ensureServerBuild()
  const [compiledWxml, server] = await Promise.all([
    compileWxml(dist),
    startServer({ port: await freePortIn(4300, 4399), needsH5: false }),
  ])
  project.provide('compiledWxml', compiledWxml)
  project.provide('server', server.url)
  return () => (server as RunningServer).stop()
}

/** This task's ports are 4300–4399: the first one free. */
async function freePortIn(first: number, last: number): Promise<number> {
  for (let port = first; port <= last; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer()
      probe.once('error', () => resolve(false))
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
    })
    if (free) return port
  }
  throw new Error(`no free port in ${first}–${last}`)
}
