import type { ErrorBody, ErrorCode, FieldError } from '@djt/shared'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { isDatabaseError } from '../http/error-log.ts'
import { ApiError } from '../http/errors.ts'

interface Answer {
  status: number
  code: ErrorCode
  message: string
  fields?: FieldError[]
}

/** Fastify's own error codes that are the caller's doing, and how we name them. */
const frameworkErrors: Record<string, Omit<Answer, 'fields'>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large', message: '提交的内容过大' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    message: '不支持的内容类型',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'validation_failed',
    message: '请求内容不能为空',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'validation_failed',
    message: '请求内容不是有效的 JSON',
  },
  // @fastify/under-pressure shedding load; its Retry-After header is already set.
  FST_UNDER_PRESSURE: {
    status: 503,
    code: 'service_unavailable',
    message: '服务繁忙，请稍后再试',
  },
  FST_ERR_HANDLER_TIMEOUT: {
    status: 503,
    code: 'request_timeout',
    message: '处理超时，请稍后再试',
  },
}

/**
 * What the database refuses that is the caller's doing. A unique key met by two parallel
 * requests (the same submission twice) is a conflict, not a server fault; text PostgreSQL
 * cannot store, or too long for its column, is bad input.
 */
const databaseRefusals: Record<string, Omit<Answer, 'fields'>> = {
  '23505': {
    status: 409,
    code: 'conflict',
    message: '与已有数据冲突（可能已经提交过），请刷新后再试',
  },
  '22021': { status: 400, code: 'validation_failed', message: '提交的内容含有无法保存的字符' },
  '22P05': { status: 400, code: 'validation_failed', message: '提交的内容含有无法保存的字符' },
  '22001': { status: 400, code: 'validation_failed', message: '提交的内容过长' },
}

const byStatus: Record<number, Omit<Answer, 'status' | 'fields'>> = {
  400: { code: 'validation_failed', message: '请求有误' },
  401: { code: 'unauthorized', message: '请先登录' },
  403: { code: 'forbidden', message: '没有权限' },
  404: { code: 'not_found', message: '未找到' },
  405: { code: 'method_not_allowed', message: '不支持该请求方法' },
  408: { code: 'request_timeout', message: '请求超时' },
  409: { code: 'conflict', message: '与现有数据冲突' },
  413: { code: 'payload_too_large', message: '提交的内容过大' },
  415: { code: 'unsupported_media_type', message: '不支持的内容类型' },
  429: { code: 'rate_limited', message: '操作太频繁，请稍后再试' },
  503: { code: 'service_unavailable', message: '服务暂不可用，请稍后再试' },
}

function classify(error: FastifyError): Answer {
  if (error instanceof ApiError) {
    return {
      status: error.statusCode,
      code: error.code,
      message: error.message,
      fields: error.fields,
    }
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where =
      error.validationContext === 'querystring' ? 'query' : (error.validationContext ?? 'body')
    const fields = error.validation.map((issue) => ({
      field: [where, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
      message: issue.message ?? '格式不正确',
    }))
    const names = fields.map((item) => item.field).join('、')
    return { status: 400, code: 'validation_failed', message: `以下字段有误：${names}`, fields }
  }
  if (isDatabaseError(error)) {
    const refused = databaseRefusals[error.code]
    if (refused) return refused
  }
  const known = error.code ? frameworkErrors[error.code] : undefined
  if (known) return known
  const status = error.statusCode ?? 500
  const generic = byStatus[status]
  if (status < 500 && generic) return { status, ...generic }
  // A client error a plugin raises with a status not listed above (406, 411 …) stays a 4xx.
  if (status >= 400 && status < 500)
    return { status, code: 'validation_failed', message: '请求有误' }
  if (status === 503 && generic) return { status, ...generic }
  return { status: 500, code: 'internal_error', message: '服务器内部错误，请稍后再试' }
}

/** One error shape for every failure: `{ error: { code, message, fields?, requestId } }`. */
export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const answer = classify(error)
      // Shedding is expected under load: a stack trace per refused request would add to it.
      const shed = error.code === 'FST_UNDER_PRESSURE'
      if (answer.status >= 500 && !shed) request.log.error({ err: error }, 'request failed')
      else {
        // Which key a conflict met says what raced; the serializer keeps its values out.
        const cause = isDatabaseError(error) ? { err: error } : {}
        request.log.info({ code: answer.code, status: answer.status, ...cause }, 'request refused')
      }
      return reply.status(answer.status).send(body(answer, request.id))
    })
    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0]
      return reply.status(404).send(
        body(
          {
            status: 404,
            code: 'route_not_found',
            message: `没有这个接口：${request.method} ${path}`,
          },
          request.id,
        ),
      )
    })
  },
  { name: 'errors' },
)

function body(answer: Answer, requestId: string): ErrorBody {
  const error: ErrorBody['error'] = { code: answer.code, message: answer.message, requestId }
  if (answer.fields) error.fields = answer.fields
  return { error }
}
