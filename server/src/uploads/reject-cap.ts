/** A closing entry of a capped list: where it stopped and what was still counted. */
export interface CapNote {
  line: number
  field: null
  reason: string
}

/**
 * Lists rejects one by one up to a limit, then only counts them: a file of a million bad
 * rows must not become a million stored reasons, nor a report of a hundred megabytes. A
 * row's problems are listed together or not at all, and once one row does not fit, no row
 * after it is listed, so the list is always the start of the file's problems.
 */
export class RejectCap {
  private listed = 0
  /** The line of the first row not listed, once the limit was reached. */
  private stoppedAt: number | undefined

  constructor(readonly max: number) {}

  /** Whether the row's `problems` go on the list. */
  admit(line: number, problems: number): boolean {
    if (this.stoppedAt === undefined && this.listed + problems <= this.max) {
      this.listed += problems
      return true
    }
    this.stoppedAt ??= line
    return false
  }

  /**
   * The list's last entry once it stopped, at the first row left off (`field` null: the
   * whole row), saying how many there were in all: "已超过1000条，之后的错误未逐条记录".
   */
  note(total: string, what = '错误'): CapNote | undefined {
    if (this.stoppedAt === undefined) return undefined
    return {
      line: this.stoppedAt,
      field: null,
      reason: `已超过${this.max}条，之后的${what}未逐条记录（${total}）`,
    }
  }
}
