type Timer = { handle: NodeJS.Timeout; due: number; repeat: boolean }

/**
 * The logic layer's setTimeout and setInterval: numeric ids as WeChat returns, every
 * callback run through `run` (which reports what it throws), and a view of what is due
 * soon, so a test can wait until a page is quiet.
 */
export class Timers {
  private readonly timers = new Map<number, Timer>()
  private lastId = 0

  constructor(private readonly run: (label: string, callback: () => void) => void) {}

  /** The four globals, as the logic layer sees them. */
  globals() {
    return {
      setTimeout: (fn: unknown, ms?: unknown, ...args: unknown[]) =>
        this.schedule(fn, ms, args, false),
      setInterval: (fn: unknown, ms?: unknown, ...args: unknown[]) =>
        this.schedule(fn, ms, args, true),
      clearTimeout: (id: unknown) => this.cancel(id),
      clearInterval: (id: unknown) => this.cancel(id),
    }
  }

  /** Whether a one-off timer fires within `ms` (intervals never count: they never end). */
  dueWithin(ms: number): boolean {
    const soon = Date.now() + ms
    return [...this.timers.values()].some((timer) => !timer.repeat && timer.due <= soon)
  }

  clear(): void {
    for (const timer of this.timers.values()) clearTimeout(timer.handle)
    this.timers.clear()
  }

  private schedule(fn: unknown, ms: unknown, args: unknown[], repeat: boolean): number {
    const id = ++this.lastId
    const delay = Math.max(0, Number(ms) || 0)
    const fire = () => {
      const timer = this.timers.get(id)
      if (!timer) return
      if (repeat) timer.due = Date.now() + delay
      else this.timers.delete(id)
      if (typeof fn === 'function') this.run('timer', () => fn(...args))
    }
    const handle = repeat ? setInterval(fire, delay) : setTimeout(fire, delay)
    this.timers.set(id, { handle, due: Date.now() + delay, repeat })
    return id
  }

  private cancel(id: unknown): void {
    const timer = this.timers.get(Number(id))
    if (!timer) return
    clearTimeout(timer.handle)
    this.timers.delete(Number(id))
  }
}
