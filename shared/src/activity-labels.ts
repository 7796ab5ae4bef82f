import type { ActivityAudience, ActivityKind, ActivityState } from './activities.ts'

/** 三会一课, 主题党日, 组织生活会, training and volunteering, as members read them. */
export const activityKindNames: Record<ActivityKind, string> = {
  theme_day: '主题党日',
  party_lecture: '党课',
  general_meeting: '支部党员大会',
  committee_meeting: '支委会',
  group_meeting: '党小组会',
  life_meeting: '组织生活会',
  training: '培训班',
  volunteering: '志愿服务',
}

export const activityAudienceNames: Record<ActivityAudience, string> = {
  branch: '本支部已报到党员',
  nearby: '附近已核验党员',
}

export const activityStateNames: Record<ActivityState, string> = {
  published: '报名中',
  cancelled: '已取消',
  closed: '已结束',
}
