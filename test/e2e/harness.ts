import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, type BrowserContext, chromium } from 'playwright-core'
import { afterAll, beforeAll, inject } from 'vitest'

export const root = fileURLToPath(new URL('../..', import.meta.url))
export const screenshotDir = path.join(root, 'test-results/e2e')

/**
 * The server as `npm start` runs it: compiled (scripts/lib/server-build.mjs), which starts
 * in about a third of the CPU of the sources through tsx.
 */
const compiledServer = path.join(root, 'server/dist/server.js')

/** Builds the server when it is missing or stale (the global setups call it, once a run). */
export async function ensureServerBuild(): Promise<void> {
  const script =
    "import('./scripts/lib/server-build.mjs').then((m) => m.ensureServerBuild({ log() {} })).then((code) => { process.exitCode = code })"
  const child = spawn(process.execPath, ['-e', script], { cwd: root, stdio: 'inherit' })
  const code = await new Promise((resolve) => child.once('exit', resolve))
  if (code !== 0) throw new Error(`the server build failed (exit ${code})`)
}

export interface RunningServer {
  url: string
  dataDir: string
  stop(): Promise<void>
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data folder migrated and seeded with the demo, made once per run (global-setup.ts). */
    dataTemplate: string
  }
}

/**
 * The real server on a free port, with a fresh embedded database and the demo seed. The
 * WeChat-build tests pass their own port and need no H5 build. `template`: a data folder
 * to start from a copy of (an initdb, the migrations and the demo seed cost a start about
 * 10 s; a copy about 0.1 s).
 */
export async function startServer(
  options: { port?: number; needsH5?: boolean; template?: string; keepData?: boolean } = {},
): Promise<RunningServer> {
  const { needsH5 = true, keepData = false } = options
  if (needsH5 && !existsSync(path.join(root, 'miniapp/dist-h5/index.html'))) {
    throw new Error('No H5 build: run `npm run build:h5` first (npm test does).')
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'djt-e2e-'))
  if (options.template) await cp(options.template, dataDir, { recursive: true })
  const port = options.port ?? (await freePort())
  if (!existsSync(compiledServer)) {
    throw new Error('No server build: the global setup builds it (ensureServerBuild).')
  }
  const child = spawn(process.execPath, [compiledServer], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      // One embedded server: its limits in memory, like `npm start`.
      REDIS_URL: '',
      SEED_DEMO: 'true',
      // Freezing every region of China's tree takes ~45 s of PGlite's one session: the
      // server tests cover it; here it would only slow the pages under test.
      LEDGER_FREEZE: 'off',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const url = `http://127.0.0.1:${port}`
  await waitReady(url, child)
  return {
    url,
    dataDir,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
      if (!keepData) await rm(dataDir, { recursive: true, force: true })
    },
  }
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/**
 * The same Chromium as a plain browser, for tests that need contexts of their own
 * (`browser.newContext({ geolocation, permissions })`).
 */
export async function launchChromium(): Promise<Browser> {
  await mkdir(screenshotDir, { recursive: true })
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  })
}

/**
 * Debian's Chromium, headless, in a fresh profile, with nothing reaching for the network.
 * `defaultFontSize`: the profile's font size setting (Chromium's own 16 px otherwise), as a
 * person who set large text in their browser has it.
 */
export async function launchBrowser({
  defaultFontSize,
}: {
  defaultFontSize?: number
} = {}): Promise<{
  context: BrowserContext
  close(): Promise<void>
}> {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'djt-chromium-'))
  if (defaultFontSize) {
    await mkdir(path.join(userDataDir, 'Default'), { recursive: true })
    const preferences = { webkit: { webprefs: { default_font_size: defaultFontSize } } }
    await writeFile(path.join(userDataDir, 'Default', 'Preferences'), JSON.stringify(preferences))
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 390, height: 844 },
    args: CHROMIUM_ARGS,
  })
  await mkdir(screenshotDir, { recursive: true })
  return {
    context,
    async close() {
      await context.close()
      await rm(userDataDir, { recursive: true, force: true })
    },
  }
}

async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise((resolve) => probe.close(resolve))
  return port
}

async function waitReady(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 1100; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    const ok = await fetch(`${url}/readyz`).then(
      (res) => res.ok,
      () => false,
    )
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('server did not become ready in 110 s')
}

/** The real server for an end-to-end file, started from this run's demo data folder. */
export function startE2eServer(): Promise<RunningServer> {
  return startServer({ template: inject('dataTemplate') })
}

/**
 * Makes the demo data folder the files start from: one server started on an empty folder
 * (migrated and seeded with the demo), then stopped, its lock gone with it.
 */
export async function makeDataTemplate(): Promise<{ dir: string; remove(): Promise<void> }> {
  const server = await startServer({ needsH5: false, keepData: true })
  await server.stop()
  const dir = server.dataDir
  await rm(path.join(dir, 'server.lock'), { force: true })
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) }
}

/** One server and one browser for a test file, started before its tests and stopped after. */
export function serverAndBrowserPerFile(): {
  server: () => RunningServer
  browser: () => BrowserContext
} {
  let server: RunningServer | undefined
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined
  beforeAll(async () => {
    server = await startE2eServer()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })
  return {
    server: () => server as RunningServer,
    browser: () => (browser as Awaited<ReturnType<typeof launchBrowser>>).context,
  }
}

/** The code on a demo owner's plaque, read through the API as that owner. */
export async function demoPledgeCode(serverUrl: string, owner: string): Promise<string> {
  const signIn = await fetch(`${serverUrl}/api/v1/auth/wechat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: `dev:${owner}` }),
  })
  const { accessToken } = (await signIn.json()) as { accessToken: string }
  const mine = await fetch(`${serverUrl}/api/v1/pledges/mine`, {
    headers: { authorization: `Bearer ${accessToken}` },
  })
  return ((await mine.json()) as { pledge: { code: string } }).pledge.code
}
