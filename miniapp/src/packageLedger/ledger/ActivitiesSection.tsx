import type { Ledger } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import type { Open } from './links'
import Table from './Table'

/**
 * 组织生活: the year's activities held (not cancelled) in the region's counties, their
 * sign-ups and attendances, and the members who attended; then each kind held, its
 * figures beneath it. Every figure opens its own list.
 */
export default function ActivitiesSection({
  activities,
  open,
}: {
  activities: NonNullable<Ledger['activities']>
  open: Open | undefined
}) {
  const totals = [
    { key: 'activities', label: '活动（场）', cells: [activities.activities] },
    { key: 'signups', label: '报名（人次）', cells: [activities.signups] },
    { key: 'attendances', label: '签到参加（人次）', cells: [activities.attendances] },
    { key: 'members', label: '参加活动的党员（人）', cells: [activities.members] },
    // Absent from a ledger frozen before it was counted.
    ...(activities.flowMembers === undefined
      ? []
      : [{ key: 'flowMembers', label: '　其中流动党员（人）', cells: [activities.flowMembers] }]),
  ].map((row) => ({ ...row, onClick: open?.(`activities.${row.key}`) }))
  // The kinds held this year, each with its sign-ups and attendances beneath it.
  const byKind = activities.byKind.flatMap((row, index) => {
    if (row.activities === 0) return []
    const figure = (what: 'activities' | 'signups' | 'attendances', label: string) => ({
      key: `${row.kind}-${what}`,
      label,
      cells: [row[what]],
      onClick: open?.(`activities.byKind.${index}.${what}`),
    })
    return [
      figure('activities', `${row.label}（场）`),
      figure('signups', '　报名（人次）'),
      figure('attendances', '　签到参加（人次）'),
    ]
  })
  return (
    <View className="card ledger-section" id="ledger-activities">
      <Text className="card__title">组织生活（{activities.year}年）</Text>
      <Text className="ledger-note text-secondary">
        按活动地点所在区县和开始时间所在年份计，已取消的不计；签到以现场扫码和组织者补签为准。
      </Text>
      <Table label="项目" head={['数量']} rows={totals} />
      {byKind.length > 0 && <Table label="按活动类型" head={['数量']} rows={byKind} />}
    </View>
  )
}
