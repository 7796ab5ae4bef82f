import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

const port = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be 0–65535')
  .max(65535, 'must be 0–65535')

const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier')
    .default('public'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30_000),
  H5_DIR: z.string().optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(30),
  WECHAT_MODE: z.enum(['dev', 'live']).optional(),
  WECHAT_APPID: z.string().min(1).optional(),
  WECHAT_SECRET: z.string().min(1).optional(),
  WECHAT_API_BASE: z.url({ error: 'must be a URL' }).default('https://api.weixin.qq.com'),
  WECHAT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  STAFF_MFA: z.enum(['required', 'optional']).optional(),
  STAFF_SIGN_IN_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(20),
  AUDIT_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(180, 'must be at least 180 (等保 2.0 keeps audit logs 6 months)')
    .default(365),
  SEED_DEMO: z
    .enum(['auto', 'true', 'false'])
    .default('auto')
    .describe('auto: load the demo dataset on the embedded database only'),
})

/** The H5 build inside this checkout, wherever the server is started from. */
const DEFAULT_H5_DIR = fileURLToPath(new URL('../../miniapp/dist-h5', import.meta.url))

type Parsed = z.infer<typeof ConfigSchema>

export type Config = Omit<Parsed, 'SEED_DEMO' | 'WECHAT_MODE' | 'STAFF_MFA' | 'JWT_SECRET'> & {
  WECHAT_MODE: 'dev' | 'live'
  STAFF_MFA: 'required' | 'optional'
  JWT_SECRET: string
  /** Absolute path of the embedded database folder. */
  dataDir: string
  h5Dir: string
  seedDemo: boolean
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Reads and validates configuration once; the only place that looks at process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const relevant = Object.fromEntries(
    Object.keys(ConfigSchema.shape).map((key) => [key, blankToUndefined(env[key])]),
  )
  const parsed = ConfigSchema.safeParse(relevant)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'configuration')
      return `${name}=${JSON.stringify(env[name] ?? '')} is invalid: ${issue.message}`
    })
    throw new ConfigError(`Invalid configuration: ${lines.join('; ')}`)
  }
  const { SEED_DEMO, ...config } = parsed.data
  const production = config.NODE_ENV === 'production'
  const embedded = !config.DATABASE_URL
  const wechatMode = config.WECHAT_MODE ?? (embedded && !production ? 'dev' : 'live')
  refuseUnsafe(config, wechatMode)
  return {
    ...config,
    WECHAT_MODE: wechatMode,
    STAFF_MFA: config.STAFF_MFA ?? (production ? 'required' : 'optional'),
    // Outside production an unset secret is made up per start: tokens then die with the process.
    JWT_SECRET: config.JWT_SECRET ?? randomBytes(32).toString('base64url'),
    dataDir: path.resolve(cwd, config.DATA_DIR),
    h5Dir: config.H5_DIR ? path.resolve(cwd, config.H5_DIR) : DEFAULT_H5_DIR,
    seedDemo: SEED_DEMO === 'auto' ? !config.DATABASE_URL : SEED_DEMO === 'true',
  }
}

/** Settings that are fine on a laptop and dangerous in production: refused at start. */
function refuseUnsafe(config: Omit<Parsed, 'SEED_DEMO'>, wechatMode: 'dev' | 'live'): void {
  const problems: string[] = []
  if (config.NODE_ENV === 'production') {
    if (wechatMode === 'dev') problems.push('WECHAT_MODE="dev" is refused when NODE_ENV=production')
    if (!config.JWT_SECRET) problems.push('JWT_SECRET is required when NODE_ENV=production')
  }
  if (wechatMode === 'live' && (!config.WECHAT_APPID || !config.WECHAT_SECRET)) {
    problems.push('WECHAT_APPID and WECHAT_SECRET are required when WECHAT_MODE=live')
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`)
}

function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value
}
