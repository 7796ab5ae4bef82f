import { PageNotice } from '../../components/StaffOnly'
import { missingParameter, useRemote } from '../../hooks/useRemote'
import { type ActivityDetail, fetchStaffActivity } from '../../services/activities'
import StaffActivityView from './StaffActivityView'

interface Props {
  id: string | undefined
  /** Told after an action changed the activity (the list beside it loads again). */
  onChanged?: (activity: ActivityDetail) => void
}

/** One activity loaded for its organiser: as its own page, or beside the list at the desk. */
export default function StaffActivityPanel({ id, onChanged }: Props) {
  const { state, reload, replace } = useRemote(() =>
    id ? fetchStaffActivity(id) : missingParameter('缺少活动编号'),
  )
  if (state.phase === 'loading') return <PageNotice text="正在加载…" />
  if (state.phase === 'failed') return <PageNotice text={state.error.message} onRetry={reload} />
  return (
    <StaffActivityView
      activity={state.value}
      onChanged={(activity) => {
        replace(activity)
        onChanged?.(activity)
      }}
    />
  )
}
