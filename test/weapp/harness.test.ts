import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { launched, weapp } from './app.ts'
import { ECMASCRIPT_GLOBALS, WECHAT_GLOBALS } from './harness/logic-layer.ts'
import { MiniProgram } from './harness/mini-program.ts'
import { parseDataPath } from './harness/paths.ts'
import { compileWxml } from './harness/view-layer.ts'

// vitest.config.mts lets unhandled errors carrying this text pass: they are provoked here.
const PROBE = 'weapp-harness-probe'

/** Web globals WeChat's logic layer lacks; H5 (a browser) and Node have them all. */
const ABSENT = [
  'URL',
  'URLSearchParams',
  'TextEncoder',
  'TextDecoder',
  'fetch',
  'structuredClone',
  'AbortController',
  'queueMicrotask',
  'atob',
  'btoa',
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'performance',
  'MessageChannel',
  'setImmediate',
  'requestAnimationFrame',
  'process',
  'Buffer',
  'global',
  'require',
  'Intl',
  'WebAssembly',
]

describe('the logic layer is WeChat’s, not a browser’s', () => {
  test('its globals are the ECMAScript built-ins and WeChat’s, nothing else', async () => {
    const app = weapp()
    const names = app.evaluate('Object.getOwnPropertyNames(globalThis)') as string[]
    expect([...names].sort()).toEqual([...ECMASCRIPT_GLOBALS, ...WECHAT_GLOBALS].sort())
    for (const name of ABSENT) expect(app.evaluate(`typeof ${name}`), name).toBe('undefined')
  })

  test('code using URLSearchParams is reported as the ReferenceError a phone throws', async () => {
    expect(typeof URLSearchParams).toBe('function') // Node and browsers have it
    const app = await launched('pages/me/index')
    app.evaluate("setTimeout(function () { new URLSearchParams('a=1') })")
    await app.settle()
    expect(app.problems).toEqual([
      expect.stringContaining('ReferenceError: URLSearchParams is not defined'),
    ])
  })

  test('eval and new Function throw, as WeChat forbids them', async () => {
    const app = await launched('pages/me/index')
    app.evaluate("setTimeout(function () { new Function('return 1')() })")
    app.evaluate("setTimeout(function () { eval('1') })")
    await app.settle()
    expect(app.problems).toEqual([
      expect.stringContaining('EvalError'),
      expect.stringContaining('EvalError'),
    ])
  })

  test('a promise rejected in the app and never handled is reported', async () => {
    const app = await launched('pages/me/index')
    app.evaluate(`Promise.reject(new Error('${PROBE}'))`)
    await app.settle()
    expect(app.problems).toEqual([expect.stringMatching(/^unhandled rejection: Error: weapp/)])
  })
})

describe('a page that throws in WeChat fails', () => {
  let build = ''
  afterAll(() => rm(build, { recursive: true, force: true }))

  test('a page using URLSearchParams in onLoad: the error is reported, its text never shows', async () => {
    build = await syntheticBuild(
      "Page({ data: { v: 'waiting' }, onLoad() { this.setData({ v: new URLSearchParams('v=shown').get('v') }) } })",
    )
    const app = new MiniProgram({ dist: build, compiledWxml: await compileWxml(build), server: '' })
    try {
      await app.launch('pages/a/index')
      expect(app.problems).toEqual([
        expect.stringMatching(/^pages\/a\/index onLoad: ReferenceError: URLSearchParams/),
      ])
      expect(app.texts()).toEqual(['waiting'])
    } finally {
      app.close()
    }
  })
})

describe('the view layer is WeChat’s renderer', () => {
  test('a node no template draws is reported as WeChat’s WXMLRT_ warning', async () => {
    const app = await launched('pages/me/index')
    expect(app.problems).toEqual([])
    const setData = app.page.setData as (data: object) => void
    setData.call(app.page, { 'root.cn': [{ nn: 'no-such-node', sid: '_n_x' }] })
    expect(app.problems).toEqual([
      expect.stringMatching(/^WXMLRT_.*Template `tmpl_0_no-such-node` not found/),
    ])
  })

  test('setData reaches the page as a copy, at WeChat path keys', async () => {
    const app = await launched('pages/me/index')
    const shared = { list: [{ name: 'a' }] }
    const setData = app.page.setData as (data: object) => void
    setData.call(app.page, { probe: shared, 'probe.list[0].name': 'b', 'other.[1]': 'c' })
    shared.list.push({ name: 'pushed later' })
    expect(app.page.data.probe).toEqual({ list: [{ name: 'b' }] })
    expect(JSON.stringify(app.page.data.other)).toBe('[null,"c"]')
    expect(parseDataPath('root.cn.[0].cn[12].v')).toEqual(['root', 'cn', 0, 'cn', 12, 'v'])
  })
})

describe('navigation follows WeChat’s rules', () => {
  test('navigateTo a tab page or a missing page fails; a sub-package page loads', async () => {
    const app = await launched('pages/me/index')
    app.evaluate(`
      globalThis.answers = []
      const note = (r) => globalThis.answers.push(r.errMsg)
      wx.navigateTo({ url: '/pages/nearby/index', fail: note })
      wx.navigateTo({ url: '/pages/nowhere/index', fail: note })
      wx.navigateTo({ url: '/packagePlace/pages/detail/index?id=none', success: note })
    `)
    await app.settle()
    expect(app.evaluate('globalThis.answers')).toEqual([
      'navigateTo:fail can not navigateTo a tabbar page',
      'navigateTo:fail page "pages/nowhere/index" is not found',
      'navigateTo:ok',
    ])
    expect(app.pages.stack.map((page) => page.route)).toEqual([
      'pages/me/index',
      'packagePlace/pages/detail/index',
    ])
    expect(app.problems).toEqual([])
  })
})

/** A one-page build: app.js, and a page whose logic is `pageJs`, compiled like the real one. */
async function syntheticBuild(pageJs: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'djt-weapp-synthetic-'))
  await mkdir(path.join(dir, 'pages/a'), { recursive: true })
  await writeFile(path.join(dir, 'app.json'), JSON.stringify({ pages: ['pages/a/index'] }))
  await writeFile(path.join(dir, 'app.js'), 'App({})')
  await writeFile(path.join(dir, 'pages/a/index.js'), pageJs)
  await writeFile(path.join(dir, 'pages/a/index.json'), '{}')
  await writeFile(path.join(dir, 'pages/a/index.wxml'), '<view>{{v}}</view>')
  return dir
}
