import { missingParameter, useRemote } from '../../hooks/useRemote'
import { ApiError } from '../../services/http'
import { fetchStaffPledge, type StaffPledge } from '../../services/pledge-review'

/** One pledge for staff; each action's answer replaces it without another request. */
export function usePledgeDetail(id: string | undefined) {
  return useRemote(() => (id ? fetchStaffPledge(id) : missingParameter('缺少承诺编号')))
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
