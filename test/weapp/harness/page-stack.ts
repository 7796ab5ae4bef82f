import type { MiniProgram } from './mini-program.ts'
import { parsePageUrl, setDataPath } from './paths.ts'

export interface PageInstance {
  route: string
  options: Record<string, string>
  data: Record<string, unknown>
  [method: string]: unknown
}

interface AppJson {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  tabBar?: { list: { pagePath: string }[] }
}

type Lifecycle = (...args: unknown[]) => unknown

/** WeChat refuses a navigateTo beyond ten pages. */
const MAX_DEPTH = 10

/** A navigation WeChat refuses; its message becomes the `fail` callback's errMsg. */
export class NavigationError extends Error {}

/**
 * WeChat's page stack: which pages exist (main package and sub-packages), which are tabs,
 * and what each navigation API does to the stack and the pages' lifecycles.
 */
export class PageStack {
  readonly stack: PageInstance[] = []
  /** Every lifecycle call, `route onLoad`…, in order. */
  readonly lifecycles: string[] = []
  private readonly routes: Set<string>
  private readonly tabRoutes: Set<string>
  private readonly configs = new Map<string, Record<string, unknown>>()
  private readonly tabs = new Map<string, PageInstance>()
  private loading: string | undefined

  constructor(
    private readonly program: MiniProgram,
    app: AppJson,
  ) {
    const sub = (app.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))
    this.routes = new Set([...app.pages, ...sub])
    this.tabRoutes = new Set((app.tabBar?.list ?? []).map((tab) => tab.pagePath))
  }

  /** `Page(config)` while a page file runs: the config belongs to that page. */
  register(config: Record<string, unknown>): void {
    if (!this.loading) throw new Error('Page() called outside a page file')
    this.configs.set(this.loading, config)
  }

  open(route: string, query: Record<string, string>): PageInstance {
    if (!this.routes.has(route)) throw new NavigationError(`page "${route}" is not found`)
    const page = this.create(route, query)
    this.stack.push(page)
    if (this.tabRoutes.has(route)) this.tabs.set(route, page)
    this.lifecycle(page, 'onLoad', this.program.toVm(query))
    this.lifecycle(page, 'onShow')
    // After the first render, as on a phone.
    setTimeout(() => this.lifecycle(page, 'onReady'), 0)
    return page
  }

  navigateTo(url: string): void {
    const { route, query } = this.resolve(url)
    if (this.tabRoutes.has(route)) throw new NavigationError('can not navigateTo a tabbar page')
    if (this.stack.length >= MAX_DEPTH) throw new NavigationError('webview count limit exceed')
    this.hideTop()
    this.open(route, query)
  }

  redirectTo(url: string): void {
    const { route, query } = this.resolve(url)
    if (this.tabRoutes.has(route)) throw new NavigationError('can not redirectTo a tabbar page')
    this.unloadTop()
    this.open(route, query)
  }

  /** Closes every page that is not a tab; tabs stay alive once opened. */
  switchTab(url: string): void {
    const { route } = this.resolve(url)
    if (!this.tabRoutes.has(route)) throw new NavigationError('can not switch to no-tabBar page')
    const top = this.stack.at(-1)
    while (this.stack.length > 0) {
      const page = this.stack.at(-1)
      if (page && this.tabs.get(page.route) === page) {
        if (page === top && page.route !== route) this.lifecycle(page, 'onHide')
        this.stack.pop()
      } else this.unloadTop()
    }
    const tab = this.tabs.get(route)
    if (!tab) {
      this.open(route, {})
      return
    }
    this.stack.push(tab)
    if (tab !== top) this.lifecycle(tab, 'onShow')
  }

  navigateBack(delta = 1): void {
    if (this.stack.length <= 1) throw new NavigationError('cannot navigate back at first page.')
    for (let i = 0; i < delta && this.stack.length > 1; i++) this.unloadTop()
    const top = this.stack.at(-1)
    if (top) this.lifecycle(top, 'onShow')
  }

  reLaunch(url: string): void {
    const { route, query } = this.resolve(url)
    while (this.stack.length > 0) this.unloadTop()
    this.tabs.clear()
    this.open(route, query)
  }

  private resolve(url: string): { route: string; query: Record<string, string> } {
    const target = parsePageUrl(url, this.stack.at(-1)?.route ?? '')
    if (!this.routes.has(target.route)) {
      throw new NavigationError(`page "${target.route}" is not found`)
    }
    return target
  }

  private hideTop(): void {
    const top = this.stack.at(-1)
    if (top) this.lifecycle(top, 'onHide')
  }

  private unloadTop(): void {
    const top = this.stack.pop()
    if (!top) return
    if (this.tabs.get(top.route) === top) this.tabs.delete(top.route)
    this.lifecycle(top, 'onUnload')
  }

  private lifecycle(page: PageInstance, name: string, ...args: unknown[]): void {
    const method = page[name]
    if (typeof method !== 'function') return
    this.lifecycles.push(`${page.route} ${name}`)
    this.program.guard(`${page.route} ${name}`, () => (method as Lifecycle).apply(page, args))
  }

  /** A page instance as WeChat makes one: the config's methods, a copy of its data, setData. */
  private create(route: string, query: Record<string, string>): PageInstance {
    const config = this.config(route)
    const program = this.program
    const page: PageInstance = {
      ...config,
      route,
      __route__: route,
      options: program.toVm(query),
      data: program.toVm((config.data ?? {}) as Record<string, unknown>),
      setData(update: Record<string, unknown>, callback?: () => void) {
        // WeChat copies the data across threads: the page never shares objects with the view.
        const data = program.toVm(page.data)
        for (const [key, value] of Object.entries(update)) {
          setDataPath(
            data,
            key,
            program.toVm(value),
            () => program.toVm({}),
            () => program.toVm([]),
          )
        }
        page.data = data
        program.guard(`${route} render`, () => program.render(page))
        if (typeof callback === 'function') {
          setTimeout(() => program.guard(`${route} setData callback`, () => callback.call(page)), 0)
        }
      },
    }
    return page
  }

  /** Runs the page's file the first time (and the components it uses). */
  private config(route: string): Record<string, unknown> {
    const loaded = this.configs.get(route)
    if (loaded) return loaded
    this.loading = route
    try {
      this.program.requireFile(route)
    } finally {
      this.loading = undefined
    }
    const config = this.configs.get(route)
    if (!config) throw new Error(`${route}.js did not call Page()`)
    return config
  }
}
