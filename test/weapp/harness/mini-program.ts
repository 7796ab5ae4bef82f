import { readFileSync } from 'node:fs'
import path from 'node:path'
import { deliveries } from './events.ts'
import { describe, LogicLayer } from './logic-layer.ts'
import { type PageInstance, PageStack } from './page-stack.ts'
import { Timers } from './timers.ts'
import { findAfterText, findByAttr, findByText, type Located } from './tree.ts'
import { type ViewElement, ViewLayer, visibleTexts } from './view-layer.ts'
import { createWx, type WxSettings } from './wx.ts'

export interface MiniProgramOptions extends Partial<WxSettings> {
  /** The weapp build folder (`miniapp/dist`). */
  dist: string
  /** `compileWxml(dist)`'s output. */
  compiledWxml: string
  /** The test server's origin, e.g. `http://127.0.0.1:4310`. */
  server: string
  /** Storage as the app left it on an earlier run (e.g. a signed-in session). */
  storage?: Record<string, unknown>
}

export interface WxCall {
  api: string
  args: unknown
}

type Callback = (...args: unknown[]) => unknown

// Timers further out than this (request and location time-outs) do not keep a page busy.
const BUSY_HORIZON_MS = 2000
// While typing, a form's debounced save (400 ms) need not fire between two keystrokes.
const TYPING_HORIZON_MS = 100

/**
 * One launch of the WeChat build: the logic layer running the build's JavaScript, the view
 * layer rendering what it sets, `wx` answering from stubs and the test server. Every error
 * thrown in a lifecycle, handler, timer or callback, every rejection nobody handles, every
 * console warning or error and every renderer warning lands in `problems`.
 */
export class MiniProgram {
  readonly calls: WxCall[] = []
  readonly storage = new Map<string, string>()
  readonly pages: PageStack
  private readonly ownProblems: string[] = []
  private readonly logic: LogicLayer
  private readonly view: ViewLayer
  private readonly timers = new Timers((label, callback) => this.guard(label, callback))
  private readonly trees = new WeakMap<PageInstance, ViewElement>()
  private readonly parseInVm: (json: string) => unknown
  private readonly promisePrototype: unknown
  private pending = 0
  private appInstance: Record<string, unknown> | undefined

  constructor(options: MiniProgramOptions) {
    this.view = new ViewLayer(options.compiledWxml)
    for (const [key, value] of Object.entries(options.storage ?? {})) {
      this.storage.set(key, JSON.stringify(value))
    }
    const appJson = JSON.parse(readFileSync(path.join(options.dist, 'app.json'), 'utf8'))
    this.pages = new PageStack(this, appJson)
    const settings: WxSettings = {
      apiOrigin: 'http://localhost:3000',
      wechatUser: `weapp-${Math.random().toString(36).slice(2, 10)}`,
      location: { latitude: 26.0745, longitude: 119.2965 },
      modalConfirms: true,
      ...options,
    }
    const report =
      (kind: string) =>
      (...args: unknown[]) =>
        this.report(`console.${kind}: ${args.map(describe).join(' ')}`)
    this.logic = new LogicLayer(options.dist, {
      wx: createWx(this, settings),
      App: (config: Record<string, unknown>) => {
        this.appInstance = config
      },
      Page: (config: Record<string, unknown>) => this.pages.register(config),
      Component: () => undefined,
      Behavior: (config: unknown) => config,
      getApp: () => this.appInstance,
      getCurrentPages: () => [...this.pages.stack],
      requirePlugin: () => {
        throw new Error('requirePlugin: the app declares no plugins')
      },
      console: { log() {}, info() {}, debug() {}, warn: report('warn'), error: report('error') },
      ...this.timers.globals(),
    })
    this.parseInVm = this.logic.evaluate('JSON.parse') as (json: string) => unknown
    this.promisePrototype = this.logic.evaluate('Promise.prototype')
    process.on('unhandledRejection', this.onRejection)
  }

  /** Everything that went wrong so far, in the logic and the view layer. */
  get problems(): string[] {
    return [...this.ownProblems, ...this.view.problems]
  }

  /**
   * Starts the app as WeChat does: app.js, App.onLaunch and onShow, then the entry page's
   * onLoad, onShow and onReady; then waits for its requests.
   */
  async launch(entry = 'pages/nearby/index', query: Record<string, string> = {}): Promise<void> {
    this.guard('app.js', () => this.logic.require('app'))
    const app = this.appInstance
    if (!app) throw new Error('app.js did not call App()')
    const launch = this.toVm({ path: entry, query, scene: 1001, referrerInfo: {} })
    this.guard('App.onLaunch', () => (app.onLaunch as Callback | undefined)?.call(app, launch))
    this.guard('App.onShow', () => (app.onShow as Callback | undefined)?.call(app, launch))
    this.pages.open(entry, query)
    await this.settle()
  }

  /** The page on top of the stack. */
  get page(): PageInstance {
    const page = this.pages.stack.at(-1)
    if (!page) throw new Error('no page is open')
    return page
  }

  /** What the current page shows, text by text. */
  texts(): string[] {
    return visibleTexts(this.tree())
  }

  /** The current page's virtual tree, as last rendered. */
  tree(page = this.page): ViewElement {
    return this.trees.get(page) ?? this.render(page)
  }

  /**
   * A tap on the text `label` (the first on the page, or the first after the text `after`),
   * bubbling through every element above it that binds tap, as WeChat delivers it.
   */
  async tap(label: string | RegExp, after?: string): Promise<void> {
    const found = findByText(this.tree(), label, after)
    if (!found) throw new Error(`nothing shows ${label} on ${this.page.route}: ${this.texts()}`)
    this.fire(found, 'tap', { x: 0, y: 0 }, true)
    await this.settle()
  }

  /** Typing into the input (or textarea) that follows the label `label`. */
  async input(label: string, value: string): Promise<void> {
    // The field right after its label, a line or a text area; else an input by placeholder.
    const found =
      findAfterText(this.tree(), label, ['wx-input', 'wx-textarea']) ??
      findByAttr(this.tree(), 'wx-input', 'placeholder', label)
    if (!found) throw new Error(`no input for ${label} on ${this.page.route}`)
    this.fire(found, 'input', { value, cursor: value.length, keyCode: 0 }, false)
    await this.settle(TYPING_HORIZON_MS)
  }

  /** The back arrow of the navigation bar. */
  async back(): Promise<void> {
    this.pages.navigateBack(1)
    await this.settle()
  }

  /** The calls made to one API, oldest first. */
  callsTo(api: string): unknown[] {
    return this.calls.filter((call) => call.api === api).map((call) => call.args)
  }

  /** The wx.request calls whose URL path ends with `path` (query aside). */
  requestsTo(path: string): { url: string; method?: string; data?: unknown }[] {
    return (this.callsTo('request') as { url: string }[]).filter((request) =>
      request.url.split('?')[0]?.endsWith(path),
    )
  }

  /** A tap on a tab of the tab bar (drawn by WeChat, not by the page). */
  async switchTab(route: string): Promise<void> {
    this.pages.switchTab(`/${route}`)
    await this.settle()
  }

  /** A `change` from the picker or switch that follows the label `label`. */
  async change(label: string, tag: 'wx-picker' | 'wx-switch', value: unknown): Promise<void> {
    const found = findAfterText(this.tree(), label, tag)
    if (!found) throw new Error(`no ${tag} for ${label} on ${this.page.route}`)
    this.fire(found, 'change', { value }, false)
    await this.settle(TYPING_HORIZON_MS)
  }

  /**
   * Waits until nothing is in flight: no wx call unanswered, no timer due within `horizon`
   * ms (React's renders, setData callbacks, retries), for a few turns in a row.
   */
  async settle(horizon = BUSY_HORIZON_MS, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    for (let quiet = 0; quiet < 3; ) {
      await new Promise((resolve) => setTimeout(resolve, 5))
      quiet = this.pending > 0 || this.timers.dueWithin(horizon) ? 0 : quiet + 1
      if (Date.now() > deadline) throw new Error(`still busy after ${timeoutMs} ms`)
    }
  }

  /** Stops timers and the rejection listener; the context is left to the garbage collector. */
  close(): void {
    this.timers.clear()
    process.off('unhandledRejection', this.onRejection)
  }

  // ---- used by wx.ts and page-stack.ts ----

  report(problem: string): void {
    this.ownProblems.push(problem)
  }

  record(api: string, args: unknown): void {
    this.calls.push({
      api,
      args: args === undefined ? undefined : JSON.parse(JSON.stringify(args)),
    })
  }

  /** Runs `action`, reporting what it throws (WeChat would send it to App.onError). */
  guard<T>(label: string, action: () => T): T | undefined {
    try {
      return action()
    } catch (error) {
      this.report(`${label}: ${describe(error)}`)
      return undefined
    }
  }

  /** Host work the page waits for (a request, a navigation); settle() waits for it too. */
  track(work: Promise<unknown>): void {
    this.pending++
    work.finally(() => this.pending--)
  }

  /** A host value as the logic layer receives it: serialised, like everything WeChat hands over. */
  toVm<T>(value: T): T {
    return value === undefined ? value : (this.parseInVm(JSON.stringify(value)) as T)
  }

  requireFile(file: string): unknown {
    return this.logic.require(file)
  }

  /** Renders a page's data (after each setData, as the phone would). */
  render(page: PageInstance): ViewElement {
    const tree = this.view.render(`${page.route}.wxml`, page.data)
    this.trees.set(page, tree)
    return tree
  }

  evaluate(source: string): unknown {
    return this.logic.evaluate(source)
  }

  private fire(found: Located, type: string, detail: object, bubbles: boolean): void {
    const page = this.page
    const handler = page.eh
    if (typeof handler !== 'function') throw new Error(`${page.route} has no event handler`)
    for (const event of deliveries(found, type, detail, bubbles)) {
      this.guard(`${page.route} ${type}`, () => handler.call(page, this.toVm(event)))
    }
  }

  private readonly onRejection = (reason: unknown, promise: Promise<unknown>) => {
    if (Object.getPrototypeOf(promise) === this.promisePrototype) {
      this.report(`unhandled rejection: ${describe(reason)}`)
    }
  }
}
