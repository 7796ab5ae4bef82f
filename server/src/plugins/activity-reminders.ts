import fp from 'fastify-plugin'
import { claimDueReminders } from '../activities/reminders.repository.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** One pass of the reminder job (the timer's, or a test's); returns the activities reminded. */
    remindActivities(): Promise<number>
  }
}

const CHECK_EVERY_MS = 60_000

/**
 * Reminds the members signed up for an activity ACTIVITY_REMIND_MINUTES before it starts,
 * by WeChat subscribe message; only where WeChat is live and WECHAT_ACTIVITY_TEMPLATE_ID
 * set (otherwise the job never runs). Every server checks each minute; an activity is
 * claimed and marked in one statement, so exactly one server reminds of it.
 */
export default fp(
  async (app) => {
    const log = app.log.child({ job: 'activity-reminders' })
    const lead = app.config.ACTIVITY_REMIND_MINUTES * 60_000
    const enabled = Boolean(app.wechatApi?.messenger && app.config.WECHAT_ACTIVITY_TEMPLATE_ID)
    app.decorate('remindActivities', async () => {
      if (!enabled) return 0
      const due = await claimDueReminders(app.db, app.clock(), lead)
      for (const activityId of due) await app.notifyActivity({ activityId, what: 'reminder' }, log)
      return due.length
    })
    if (!enabled) return
    let running: Promise<unknown> | undefined
    const check = () => {
      running ??= app
        .remindActivities()
        .catch((error: unknown) => log.error({ err: error }, 'activity reminders failed'))
        .finally(() => {
          running = undefined
        })
    }
    let timer: NodeJS.Timeout | undefined
    app.addHook('onReady', async () => {
      timer = setInterval(check, CHECK_EVERY_MS).unref()
    })
    app.addHook('preClose', async () => {
      clearInterval(timer)
      await running
    })
  },
  { name: 'activity-reminders', dependencies: ['db', 'notifications'] },
)
