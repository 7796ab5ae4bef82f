import { chinaDateTime, membershipStateNames } from '@djt/shared'
import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { findActivity } from '../activities/activities.repository.ts'
import { signedUpOpenids } from '../activities/reminders.repository.ts'
import { findOpenid } from '../auth/users.repository.ts'
import type { MembershipState } from '../db/schema.ts'

export interface MemberNews {
  userId: string
  to: MembershipState
}

/** An activity's news for the members signed up for it. */
export interface ActivityNews {
  activityId: string
  what: 'reminder' | 'cancelled'
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Tells an activity's signed-up members it starts soon, or was cancelled; never fails
     * the request or job that called it. Returns how many messages WeChat took. */
    notifyActivity(news: ActivityNews, log: FastifyBaseLogger): Promise<number>
    /** Tells a member their entry was decided; never fails the request that decided it.
     * `log` is that request's, so the outcome is logged with its request id. */
    notifyMember(news: MemberNews, log: FastifyBaseLogger): Promise<void>
  }
}

const STATUS_PAGE = 'packageMember/pages/status/index'

/**
 * The mini-program shows every decision on the member's timeline. A WeChat subscribe
 * message is sent too when a template is configured and WeChat is live (dev mode has no
 * WeChat to send through).
 */
async function notifications(app: FastifyInstance): Promise<void> {
  const { config } = app
  const templateId = config.WECHAT_REVIEW_TEMPLATE_ID
  const messenger = app.wechatApi?.messenger
  const [project, result, time, remark] = config.WECHAT_REVIEW_TEMPLATE_KEYS.split(',') as [
    string,
    string,
    string,
    string,
  ]
  app.decorate('notifyMember', async (news: MemberNews, log: FastifyBaseLogger) => {
    if (!messenger || !templateId) return
    const openid = await findOpenid(app.db, news.userId)
    if (!openid) return
    const data = {
      [project]: '党员身份登记',
      [result]: membershipStateNames[news.to],
      [time]: chinaDateTime(Date.now()),
      [remark]: '点击查看详情',
    }
    try {
      const outcome = await messenger.send({
        openid,
        templateId,
        page: STATUS_PAGE,
        data,
      })
      log.info({ outcome }, 'review subscribe message')
    } catch (error) {
      log.warn({ code: (error as { code?: string }).code }, 'review subscribe message failed')
    }
  })

  const activityTemplate = config.WECHAT_ACTIVITY_TEMPLATE_ID
  const [activityName, activityTime, activityPlace, activityRemark] =
    config.WECHAT_ACTIVITY_TEMPLATE_KEYS.split(',') as [string, string, string, string]
  app.decorate('notifyActivity', async (news: ActivityNews, log: FastifyBaseLogger) => {
    if (!messenger || !activityTemplate) return 0
    const activity = await findActivity(app.db, news.activityId)
    if (!activity) return 0
    const remark =
      news.what === 'cancelled'
        ? `活动已取消：${activity.cancel_reason ?? ''}`
        : '活动即将开始，请按时到场签到'
    // WeChat's thing fields take at most 20 characters.
    const thing = (text: string) => (text.length > 20 ? `${text.slice(0, 19)}…` : text)
    const data = {
      [activityName]: thing(activity.title),
      [activityTime]: chinaDateTime(activity.starts_at.getTime()),
      [activityPlace]: thing(activity.place_name ?? activity.address),
      [activityRemark]: thing(remark),
    }
    let sent = 0
    for (const openid of await signedUpOpenids(app.db, news.activityId)) {
      try {
        const outcome = await messenger.send({
          openid,
          templateId: activityTemplate,
          page: `packageActivity/pages/detail/index?id=${news.activityId}`,
          data,
        })
        if (outcome === 'sent') sent += 1
      } catch (error) {
        log.warn({ code: (error as { code?: string }).code }, 'activity subscribe message failed')
      }
    }
    log.info({ activity: news.activityId, what: news.what, sent }, 'activity subscribe messages')
    return sent
  })
}

export default fp(notifications, { name: 'notifications', dependencies: ['db', 'wechat-api'] })
