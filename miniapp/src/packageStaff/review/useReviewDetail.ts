import { missingParameter, useRemote } from '../../hooks/useRemote'
import { fetchReviewDetail } from '../../services/review'

/** One entry for review; a decision's answer replaces it without another request. */
export function useReviewDetail(id: string | undefined) {
  return useRemote(() => (id ? fetchReviewDetail(id) : missingParameter('缺少登记编号')))
}
