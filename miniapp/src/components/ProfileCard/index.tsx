import { type Me, staffLevelNames } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import { useJurisdictionPrefix } from '../../hooks/useJurisdictionPrefix'
import { userKindNames } from '../../profile/labels'
import './index.scss'

interface Props {
  user: Me
  onEnrollMfa: () => void
}

/** Who is signed in: a mini-program user, or a staff member with their jurisdiction. */
export default function ProfileCard({ user, onEnrollMfa }: Props) {
  if (!user.staff) {
    return (
      <View className="card profile">
        <Text className="profile__name">{user.displayName || '微信用户'}</Text>
        <Text className="profile__kind text-secondary">
          {user.kind ? userKindNames[user.kind] : '尚未登记身份'}
        </Text>
      </View>
    )
  }
  const { staff } = user
  return (
    <View className="card profile">
      <Text className="profile__name">{user.displayName || staff.username}</Text>
      <Text className="profile__kind text-secondary">
        工作人员 · {staffLevelNames[staff.level]}
      </Text>
      <View className="profile__row">
        <Text className="text-secondary">辖区</Text>
        <JurisdictionName regionCode={staff.region.code} name={staff.region.name} />
      </View>
      {staff.stationName && (
        <View className="profile__row">
          <Text className="text-secondary">指导站</Text>
          <Text>{staff.stationName}</Text>
        </View>
      )}
      <View
        className="profile__row"
        hoverClass={staff.mfaEnabled ? 'none' : 'profile__row--pressed'}
        onClick={staff.mfaEnabled ? undefined : onEnrollMfa}
      >
        <Text className="text-secondary">动态验证码</Text>
        <Text className={staff.mfaEnabled ? '' : 'link'}>
          {staff.mfaEnabled ? '已绑定' : '未绑定，去绑定 ›'}
        </Text>
      </View>
    </View>
  )
}

/** 福州市鼓楼区: the region's own name stays its own text, the prefix arrives when known. */
function JurisdictionName({ regionCode, name }: { regionCode: string; name: string }) {
  const prefix = useJurisdictionPrefix(regionCode)
  return (
    <View className="profile__region">
      {prefix && <Text>{prefix}</Text>}
      <Text>{name}</Text>
    </View>
  )
}
