import { ApiError } from '../http/errors.ts'

/** Gives back a slot taken for one import. Calling it twice frees the slot once. */
export type ReleaseSlot = () => void

/**
 * How many imports may run at once, per staff member and in all. An import holds memory
 * (an XLSX's shared strings), a core (parsing) and, on the embedded database, the only
 * session: a few at once is all one server should take. Behind an interface so that
 * several servers can later share one count (Redis) without changing the callers.
 */
export interface ImportSlots {
  /** A slot for this staff member's import, or a 429 naming the limit that refused it. */
  take(staffId: string): Promise<ReleaseSlot>
}

/** This process's count: right for one server, or per server behind a load balancer. */
export class LocalImportSlots implements ImportSlots {
  private readonly running = new Map<string, number>()
  private total = 0

  constructor(
    private readonly perStaff: number,
    private readonly atOnce: number,
  ) {}

  async take(staffId: string): Promise<ReleaseSlot> {
    const mine = this.running.get(staffId) ?? 0
    if (mine >= this.perStaff)
      throw busy(
        `您已有${mine}个导入正在进行，请等它完成后再导入（每人同时最多${this.perStaff}个）`,
      )
    if (this.total >= this.atOnce)
      throw busy(`服务器正在处理${this.total}个导入，请稍后再试（同时最多${this.atOnce}个）`)
    this.running.set(staffId, mine + 1)
    this.total++
    let released = false
    return () => {
      if (released) return
      released = true
      this.total--
      const left = (this.running.get(staffId) ?? 1) - 1
      if (left > 0) this.running.set(staffId, left)
      else this.running.delete(staffId)
    }
  }
}

const busy = (message: string) => new ApiError(429, 'rate_limited', message)
