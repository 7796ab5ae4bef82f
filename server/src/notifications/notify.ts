import { chinaDateTime, membershipStateNames } from '@djt/shared'
import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { findOpenid } from '../auth/users.repository.ts'
import type { MembershipState } from '../db/schema.ts'

export interface MemberNews {
  userId: string
  to: MembershipState
}

declare module 'fastify' {
  interface FastifyInstance {
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
}

export default fp(notifications, { name: 'notifications', dependencies: ['db', 'wechat-api'] })
