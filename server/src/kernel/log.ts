/**
 * What a service may do with the request's logger: warn about something it worked
 * around. Services take this rather than Fastify's logger type, so they stay free of HTTP.
 */
export interface WarnLog {
  warn(details: object, message: string): void
}
