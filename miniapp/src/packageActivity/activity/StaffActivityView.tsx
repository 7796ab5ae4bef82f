import {
  ACTIVITY_PHOTOS_MAX,
  activityAudienceNames,
  CancelActivityRequest,
  CloseActivityRequest,
  chinaDateTime,
  ManualAttendanceRequest,
} from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import PhotoList, { type ChosenPhoto } from '../../components/PhotoList'
import ReasonSheet from '../../components/ReasonSheet'
import { useMutation } from '../../hooks/useMutation'
import InlinePhoto from '../../photos/InlinePhoto'
import { activityPages } from '../../routes'
import {
  type ActivityDetail,
  cancelActivity,
  closeActivity,
  fetchActivityPhoto,
  tickAttendance,
} from '../../services/activities'
import SignInQrCard from './SignInQrCard'
import { activityHeadline, seatsText, stateText, venueName } from './summary'

interface Props {
  activity: ActivityDetail
  /** The answer of an action: the page shows it without asking again. */
  onChanged: (activity: ActivityDetail) => void
}

type Asking =
  | { kind: 'cancel' }
  | { kind: 'close' }
  | { kind: 'tick'; membershipId: string; name: string }

/** One activity as its organiser runs it: the sign-in QR, who signed up and who came. */
export default function StaffActivityView({ activity, onChanged }: Props) {
  const [asking, setAsking] = useState<Asking | null>(null)
  const [photos, setPhotos] = useState<ChosenPhoto[]>([])
  const acting = useMutation({ failure: { dialog: '操作失败' } })
  const act = async (action: () => Promise<ActivityDetail>) => {
    const outcome = await acting.run(action)
    if (outcome.ok) onChanged(outcome.value)
    return outcome.ok
  }
  const open = activity.state === 'published'
  const started = Date.parse(activity.startsAt) <= Date.now()
  const attended = new Set(activity.attendances.map((each) => each.membershipId))
  return (
    <View className="activity">
      <View className="card">
        <Text className="activity__title">{activity.title}</Text>
        <Text className="activity__line">{activityHeadline(activity)}</Text>
        <Text className="activity__line">地点：{venueName(activity)}</Text>
        <Text className="activity__line text-secondary">
          {activityAudienceNames[activity.audience]} · {seatsText(activity)} · {stateText(activity)}
        </Text>
        {activity.description && <Text className="activity__text">{activity.description}</Text>}
        {activity.minutes && <Text className="activity__text">活动记录：{activity.minutes}</Text>}
        {activity.photoIds.map((photoId, i) => (
          <InlinePhoto
            key={photoId}
            label={`查看第${i + 1}张活动照片`}
            fetchPhoto={() => fetchActivityPhoto(activity.id, photoId)}
          />
        ))}
      </View>
      {open && <SignInQrCard activityId={activity.id} />}
      <View className="card">
        <Text className="card__title">报名（{activity.signups.length}）</Text>
        {activity.signups.length === 0 && <Text className="text-secondary">暂无报名。</Text>}
        {activity.signups.map((signup) => (
          <View key={signup.membershipId} className="activity__row">
            <Text>{signup.memberName}</Text>
            {attended.has(signup.membershipId) ? (
              <Text className="text-secondary">已签到</Text>
            ) : (
              open && (
                <Button
                  className="btn activity__tick"
                  hoverClass="btn--pressed"
                  disabled={acting.busy || undefined}
                  onClick={() =>
                    setAsking({
                      kind: 'tick',
                      membershipId: signup.membershipId,
                      name: signup.memberName,
                    })
                  }
                >
                  补签
                </Button>
              )
            )}
          </View>
        ))}
      </View>
      <View className="card activity__attendances">
        <Text className="card__title">签到（{activity.attendances.length}）</Text>
        {activity.attendances.length === 0 && <Text className="text-secondary">暂无签到。</Text>}
        {activity.attendances.map((each) => (
          <Text key={each.membershipId} className="activity__line">
            {each.memberName} · {chinaDateTime(each.at)} ·{' '}
            {each.method === 'scan' ? '扫码签到' : `补签（${each.reason ?? ''}）`}
          </Text>
        ))}
      </View>
      {open && (
        <View className="card">
          {!started && (
            <Button
              className="btn"
              hoverClass="btn--pressed"
              onClick={() =>
                Taro.navigateTo({ url: `${activityPages.staffEdit}?id=${activity.id}` })
              }
            >
              修改活动
            </Button>
          )}
          {started && (
            <Button
              className="btn btn--primary"
              hoverClass="btn--pressed"
              onClick={() => setAsking({ kind: 'close' })}
            >
              结束并记录
            </Button>
          )}
          <Button
            className="btn"
            hoverClass="btn--pressed"
            onClick={() => setAsking({ kind: 'cancel' })}
          >
            取消活动
          </Button>
        </View>
      )}
      {asking?.kind === 'cancel' && (
        <ReasonSheet
          title="取消活动"
          label="取消原因"
          placeholder="如：因天气原因改期"
          explanation="取消后，已报名的党员会在“我参加的活动”中看到此原因。"
          confirmText="确认取消"
          schema={CancelActivityRequest.shape.reason}
          onConfirm={(reason) => act(() => cancelActivity(activity.id, reason))}
          onClose={() => setAsking(null)}
        />
      )}
      {asking?.kind === 'close' && (
        <ReasonSheet
          title="结束并记录"
          label="活动记录"
          placeholder="时间、地点、内容、参加人数等"
          explanation="结束后签到关闭，签到名单不再改变。"
          confirmText="确认结束"
          maxlength={2000}
          schema={CloseActivityRequest.shape.minutes}
          onConfirm={(minutes) =>
            act(() =>
              closeActivity(activity.id, { minutes, photoIds: photos.map((photo) => photo.id) }),
            )
          }
          onClose={() => setAsking(null)}
        >
          <PhotoList
            label="活动照片"
            max={ACTIVITY_PHOTOS_MAX}
            photos={photos}
            onChange={setPhotos}
          />
        </ReasonSheet>
      )}
      {asking?.kind === 'tick' && (
        <ReasonSheet
          title={`为${asking.name}补签`}
          label="补签原因"
          placeholder="如：手机没电，现场核实到会"
          explanation="补签会记录原因和操作人。"
          confirmText="确认补签"
          schema={ManualAttendanceRequest.shape.reason}
          onConfirm={(reason) =>
            act(() => tickAttendance(activity.id, asking.membershipId, reason))
          }
          onClose={() => setAsking(null)}
        />
      )}
    </View>
  )
}
