import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { withPageFrame } from '../../../components/PageFrame'
import StaffOnly, { PageNotice } from '../../../components/StaffOnly'
import { useRemote } from '../../../hooks/useRemote'
import { activityPages } from '../../../routes'
import { fetchStaffActivity } from '../../../services/activities'
import { fetchJurisdictionPlaces } from '../../../services/places'
import ActivityForm from '../../activity/ActivityForm'
import { activityDraftOf, emptyActivityDraft } from '../../activity/form-model'
import '../../activity/activity.scss'

/** 发布活动 (no id) or 修改活动 (?id=): the form, with my jurisdiction's places as venues. */
function ActivityEditPage() {
  return (
    <StaffOnly>
      <ActivityEdit />
    </StaffOnly>
  )
}

async function loadForm(id: string | undefined) {
  const [places, editing] = await Promise.all([
    fetchJurisdictionPlaces(),
    id ? fetchStaffActivity(id) : Promise.resolve(undefined),
  ])
  return { places: places.items, editing }
}

function ActivityEdit() {
  const { params } = useRouter()
  const { state, reload } = useRemote(() => loadForm(params.id))
  if (state.phase === 'loading') return <PageNotice text="正在加载…" />
  if (state.phase === 'failed') return <PageNotice text={state.error.message} onRetry={reload} />
  const { places, editing } = state.value
  return (
    <View className="page activities">
      {places.length === 0 && (
        <Text className="text-secondary">本辖区还没有场所，请先在“场所管理”中添加。</Text>
      )}
      <ActivityForm
        editing={editing}
        initial={editing ? activityDraftOf(editing) : emptyActivityDraft()}
        places={places}
        onSaved={(saved) =>
          Taro.redirectTo({
            url: `${activityPages.staffDetail}?id=${encodeURIComponent(saved.id)}`,
          })
        }
      />
    </View>
  )
}

export default withPageFrame(ActivityEditPage)
