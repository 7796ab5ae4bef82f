import { isUtf8 } from 'node:buffer'
import type { FieldError } from '@djt/shared'
import fp from 'fastify-plugin'
import { ApiError } from '../http/errors.ts'

/** Deeper than any form or draft the app has; a body nested further is refused, not parsed on. */
export const MAX_DEPTH = 32

/**
 * PostgreSQL cannot store NUL in text or jsonb (the insert fails), and a lone surrogate
 * would be stored as U+FFFD, silently changing what the person typed.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const unstorable = (text: string) => text.includes('\0') || LONE_SURROGATE.test(text)

function problem(value: unknown, field: string, depth: number): FieldError | undefined {
  if (typeof value === 'string') {
    return unstorable(value)
      ? { field, message: '含有无法保存的字符（空字符或不完整的字符），请删除后重试' }
      : undefined
  }
  if (value === null || typeof value !== 'object') return undefined
  if (depth >= MAX_DEPTH) return { field, message: `嵌套层级过深（最多${MAX_DEPTH}层）` }
  for (const [key, item] of Object.entries(value)) {
    const at = `${field}.${key}`
    if (unstorable(key)) return { field: at, message: '字段名含有无法保存的字符' }
    const found = problem(item, at, depth + 1)
    if (found) return found
  }
  return undefined
}

/**
 * Every request's JSON body, query and path parameters, before any route sees them:
 * characters the database cannot store and runaway nesting are a 400 naming the field,
 * for every route at once, instead of a 500 from the database or a stack overflow.
 */
export default fp(
  async (app) => {
    // JSON bodies as bytes first: bytes that are not UTF-8 would otherwise be decoded into
    // U+FFFD and stored, silently changing what was sent. Then Fastify's own parser, with
    // its guard against __proto__ and constructor.prototype keys.
    const parseJson = app.getDefaultJsonParser('error', 'error')
    app.removeContentTypeParser('application/json')
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
      const bytes = body as Buffer
      if (!isUtf8(bytes)) {
        const message = '请求内容不是有效的 UTF-8 文本'
        done(
          new ApiError(400, 'validation_failed', message, [{ field: 'body', message }]),
          undefined,
        )
        return
      }
      parseJson(request, bytes.toString('utf8'), done)
    })
    app.addHook('preValidation', async (request) => {
      const found =
        problem(request.params, 'params', 0) ??
        problem(request.query, 'query', 0) ??
        problem(request.body, 'body', 0)
      if (found)
        throw new ApiError(400, 'validation_failed', `以下字段有误：${found.field}`, [found])
    })
  },
  { name: 'input-guard' },
)
