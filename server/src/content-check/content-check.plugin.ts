import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { type ContentChecker, createContentChecker } from './content-check.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** Checks text the public will read: the local word list, and WeChat's when live. */
    contentChecker: ContentChecker
  }
}

async function contentCheck(app: FastifyInstance): Promise<void> {
  app.decorate('contentChecker', createContentChecker(app.wechatApi?.msgSecCheck ?? null, app.log))
}

export default fp(contentCheck, { name: 'content-check', dependencies: ['wechat-api'] })
