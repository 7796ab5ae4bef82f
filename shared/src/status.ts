import { z } from 'zod'

/** /healthz: the process answers. Under pressure it still answers, and says so. */
export const Liveness = z.object({
  status: z.literal('ok'),
  underPressure: z.boolean().describe('other requests are refused with 503 until load drops'),
})
export type Liveness = z.infer<typeof Liveness>

/** What /readyz and /api/v1/status answer: whether the service can do its work. */
export const ServiceStatus = z.object({
  ready: z.boolean(),
  database: z.object({
    reachable: z.boolean(),
    driver: z.enum(['pglite', 'postgres']),
  }),
  migrations: z.object({
    applied: z.number().int(),
    expected: z.number().int(),
    current: z.boolean(),
  }),
  /** True when the database holds the demo dataset: every page shows a banner then. */
  demo: z.boolean(),
  version: z.string(),
  regions: z.object({ source: z.string(), count: z.number().int() }),
  /** Dev sign-in (`dev:<name>` codes) is on: the H5 build then offers a name field. */
  wechatDevMode: z.boolean(),
})
export type ServiceStatus = z.infer<typeof ServiceStatus>
