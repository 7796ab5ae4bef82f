import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import StaffOnly, { PageNotice } from '../../../components/StaffOnly'
import { leaveToMe } from '../../leave'
import PlaceFields from '../../places/PlaceFields'
import { usePlaceForm } from '../../places/usePlaceForm'
import './index.scss'
import { withPageFrame } from '../../../components/PageFrame'

/** A new place (no `id`), or one of my jurisdiction's places to correct. */
function PlaceEditPage() {
  return (
    <StaffOnly>
      <PlaceEdit />
    </StaffOnly>
  )
}

function PlaceEdit() {
  const { params } = useRouter()
  const id = params.id || undefined
  const { form, errors, problem, phase, edit, save } = usePlaceForm(id, leaveToMe)
  if (phase === 'loading') return <PageNotice text="正在加载…" />
  return (
    <View className="page place-form">
      <View className="card">
        <Text className="card__title">{id ? '修改场所信息' : '新增场所'}</Text>
        <PlaceFields form={form} errors={errors} edit={edit} />
      </View>
      {problem && <Text className="place-form__problem">{problem}</Text>}
      <Button
        className="btn btn--primary"
        hoverClass="btn--pressed"
        disabled={phase === 'saving' || undefined}
        onClick={save}
      >
        {phase === 'saving' ? '正在保存…' : '保存'}
      </Button>
      <Button className="btn" hoverClass="btn--pressed" onClick={() => Taro.navigateBack()}>
        取消
      </Button>
    </View>
  )
}

export default withPageFrame(PlaceEditPage)
