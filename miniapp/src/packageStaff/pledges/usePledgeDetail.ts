import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '../../services/http'
import { fetchStaffPledge, type StaffPledge } from '../../services/pledge-review'

export type PledgeDetailState =
  | { phase: 'loading' }
  | { phase: 'loaded'; pledge: StaffPledge }
  | { phase: 'failed'; message: string }

/** One pledge for staff; each action's answer replaces it without another request. */
export function usePledgeDetail(id: string | undefined) {
  const [state, setState] = useState<PledgeDetailState>({ phase: 'loading' })
  const latest = useRef(0)

  const reload = useCallback(() => {
    const call = ++latest.current
    if (!id) return setState({ phase: 'failed', message: '缺少承诺编号' })
    setState({ phase: 'loading' })
    fetchStaffPledge(id).then(
      (pledge) => call === latest.current && setState({ phase: 'loaded', pledge }),
      (error: unknown) => {
        const message = error instanceof ApiError ? error.message : '加载失败，请稍后重试'
        if (call === latest.current) setState({ phase: 'failed', message })
      },
    )
  }, [id])

  useEffect(() => {
    reload()
    return () => {
      latest.current++
    }
  }, [reload])

  const replace = useCallback((pledge: StaffPledge) => {
    latest.current++
    setState({ phase: 'loaded', pledge })
  }, [])
  return { state, reload, replace }
}

/** Runs a staff action; a 409 (decided or changed meanwhile) reloads after saying so. */
export async function runAction(
  action: () => Promise<StaffPledge>,
  done: { replace: (pledge: StaffPledge) => void; reload: () => void },
  showFailure: (title: string, error: unknown) => Promise<void>,
): Promise<boolean> {
  try {
    done.replace(await action())
    return true
  } catch (error) {
    await showFailure('操作未成功', error)
    if (error instanceof ApiError && error.status === 409) done.reload()
    return false
  }
}
