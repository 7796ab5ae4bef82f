import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { z } from 'zod'
import { Base64Key, FieldKeys, KeyId } from './crypto/keyring.ts'
import { SERVER_ROOT } from './paths.ts'
import { IMPORT_DEFAULTS as imports } from './uploads/limits.ts'

const port = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be 0–65535')
  .max(65535, 'must be 0–65535')

/** A whole number in [min, max], named in the message when it is not. */
const limit = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be ${min}–${max}`)
    .max(max, `must be ${min}–${max}`)

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
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL', abort: true })
    .refine(
      (url) => /^\/?\d{0,2}$/.test(new URL(url).pathname),
      'the path must be a database number',
    )
    .optional()
    .describe('shared per-IP limits and WeChat token for several servers; unset: in-process'),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be 1–64 letters, digits or _.:-')
    .default('djt:'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30_000),
  SHUTDOWN_DRAIN_SECONDS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be 0–60')
    .max(60, 'must be 0–60')
    .default(0)
    .describe(
      'after SIGTERM, /readyz answers 503 this long before the server stops taking requests',
    ),
  REGISTER_IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(200 * 1024 * 1024),
  REGISTER_IMPORT_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(10_000)
    .default(30 * 60_000)
    .describe('upper bound for uploading and importing one register file'),
  REGISTER_IMPORT_MAX_ROWS: limit(1, 100_000_000).default(imports.registerRows),
  PLACE_IMPORT_MAX_ROWS: limit(1, 10_000_000).default(imports.placeRows),
  IMPORT_MAX_COLUMNS: limit(10, 16_384).default(imports.columns),
  REGISTER_IMPORT_MAX_REJECTS: limit(10, 100_000_000)
    .default(imports.registerRejects)
    .describe('rejected rows of one register import kept one by one; beyond, only counted'),
  PLACE_IMPORT_MAX_REJECTS: limit(10, 1_000_000)
    .default(imports.placeRejects)
    .describe('rejects and duplicates of one place import listed one by one; beyond, only counted'),
  XLSX_MAX_UNZIPPED_BYTES: limit(1024 * 1024, 64 * 1024 ** 3).default(imports.xlsxUnzippedBytes),
  XLSX_MAX_SHARED_STRINGS: limit(1000, 100_000_000).default(imports.xlsxSharedStrings),
  XLSX_MAX_SHARED_STRINGS_BYTES: limit(64 * 1024, 16 * 1024 ** 3).default(
    imports.xlsxSharedStringsBytes,
  ),
  IMPORTS_PER_STAFF: limit(1, 100).default(imports.importsPerStaff),
  IMPORTS_AT_ONCE: limit(1, 1000).default(imports.importsAtOnce),
  H5_DIR: z.string().optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(30),
  WECHAT_MODE: z.enum(['dev', 'live']).optional(),
  WECHAT_APPID: z.string().min(1).optional(),
  WECHAT_SECRET: z.string().min(1).optional(),
  WECHAT_API_BASE: z.url({ error: 'must be a URL' }).default('https://api.weixin.qq.com'),
  WECHAT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  WECHAT_PUSH_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9]{3,32}$/, 'must be 3–32 letters or digits, as WeChat takes it')
    .optional()
    .describe(
      "the Token of the mini-program's message push (消息推送); photos are sent to WeChat's image check only when it is set, since the verdict comes back by push",
    ),
  WECHAT_PUSH_AES_KEY: z
    .string()
    .regex(/^[A-Za-z0-9]{43}$/, 'must be the 43-character EncodingAESKey')
    .optional()
    .describe('the EncodingAESKey when the push is in 安全模式; unset for 明文模式'),
  WECHAT_REVIEW_TEMPLATE_ID: z
    .string()
    .min(1)
    .optional()
    .describe('subscribe-message template telling members the result of a review'),
  WECHAT_REVIEW_TEMPLATE_KEYS: z
    .string()
    .regex(
      /^[a-z_]+\d+(,[a-z_]+\d+){3}$/,
      'must be four template keys, e.g. thing1,phrase2,time3,thing4',
    )
    .default('thing1,phrase2,time3,thing4'),
  WECHAT_ACTIVITY_TEMPLATE_ID: z
    .string()
    .min(1)
    .optional()
    .describe(
      'subscribe-message template reminding members of an activity, or telling them it was cancelled',
    ),
  WECHAT_ACTIVITY_TEMPLATE_KEYS: z
    .string()
    .regex(
      /^[a-z_]+\d+(,[a-z_]+\d+){3}$/,
      'must be four template keys, e.g. thing1,time2,thing3,thing4',
    )
    .default('thing1,time2,thing3,thing4'),
  ACTIVITY_REMIND_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60)
    .describe('how long before an activity starts its members are reminded'),
  PUBLIC_BASE_URL: z
    .url({ error: 'must be a URL' })
    .optional()
    .describe('where the H5 pages are served: plaque QR codes and pledge links point here'),
  WECHAT_WXACODE_ENV: z
    .enum(['release', 'trial', 'develop'])
    .default('release')
    .describe('which mini-program version a plaque wxacode opens'),
  STAFF_MFA: z.enum(['required', 'optional']).optional(),
  PASSWORD_HASH_COST: limit(10, 20)
    .default(15)
    .describe(
      'scrypt N = 2^cost for new staff passwords; below 15 is for tests, refused in production',
    ),
  API_DOCS: z
    .enum(['public', 'off'], { error: 'must be public or off' })
    .optional()
    .describe('/docs and /docs/json: public, or off (the default in production)'),
  FIELD_CIPHER: z.enum(['aes-256-gcm', 'sm4']).default('aes-256-gcm'),
  FIELD_KEYS: FieldKeys.optional().describe(
    'keyId:base64key,…; unset outside production: dev file',
  ),
  FIELD_KEY_ACTIVE: KeyId.optional().describe('default: the last key in FIELD_KEYS'),
  BLIND_INDEX_KEY: Base64Key.optional(),
  PUBLIC_UNKNOWN_CODES_PER_DEVICE: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(20)
    .describe('unknown plaque codes one device may try in 10 minutes before it is refused'),
  PUBLIC_UNKNOWN_CODES_PER_IP: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(300)
    .describe('unknown plaque codes one IP may try in 10 minutes (loose: shared carrier IPs)'),
  STAFF_SIGN_IN_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(20),
  TRUST_PROXY: z
    .string()
    .regex(
      /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:/]+)(,\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F.:/]+))*$/,
      'must be addresses or CIDRs of the reverse proxies (or loopback), comma-separated',
    )
    .optional()
    .describe('reverse proxies whose X-Forwarded-For is believed'),
  AUDIT_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(180, 'must be at least 180 (等保 2.0 keeps audit logs 6 months)')
    .default(365),
  LEDGER_FREEZE: z
    .enum(['auto', 'off'], { error: 'must be auto or off' })
    .default('auto')
    .describe('auto: freeze every ledger when a half-year ends (6-30, 12-31 24:00 Beijing)'),
  LEDGER_FREEZE_CHECK_MINUTES: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be 1–1440')
    .max(1440, 'must be 1–1440')
    .default(10)
    .describe('how often the server checks for a half-year that ended and is not frozen'),
  PRESSURE_MAX_EVENT_LOOP_DELAY_MS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be 0 (off) to 60000')
    .max(60_000, 'must be 0 (off) to 60000')
    .default(1000)
    .describe('mean event-loop delay over a second above which requests get 503; 0 = off'),
  PRESSURE_RETRY_AFTER_SECONDS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be 1–3600')
    .max(3600, 'must be 1–3600')
    .default(10)
    .describe('the Retry-After of a 503 under pressure'),
  METRICS_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters')
    .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
    .optional()
    .describe('bearer token Prometheus sends to /metrics; unset = /metrics is not served'),
  SEED_DEMO: z
    .enum(['auto', 'true', 'false'])
    .default('auto')
    .describe('auto: load the demo dataset on the embedded database only'),
})

/** The H5 build inside this checkout, wherever the server is started from. */
const DEFAULT_H5_DIR = path.join(SERVER_ROOT, '../miniapp/dist-h5')

type Parsed = z.infer<typeof ConfigSchema>

export type Config = Omit<
  Parsed,
  'SEED_DEMO' | 'WECHAT_MODE' | 'STAFF_MFA' | 'API_DOCS' | 'JWT_SECRET' | 'PUBLIC_BASE_URL'
> & {
  WECHAT_MODE: 'dev' | 'live'
  STAFF_MFA: 'required' | 'optional'
  API_DOCS: 'public' | 'off'
  JWT_SECRET: string
  PUBLIC_BASE_URL: string
  /** Absolute path of the embedded database folder. */
  dataDir: string
  h5Dir: string
  seedDemo: boolean
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Never echoed into an error message, which ends up in logs. */
// REDIS_URL may carry a password (redis://:secret@host).
const SECRETS = new Set([
  'JWT_SECRET',
  'WECHAT_SECRET',
  'FIELD_KEYS',
  'BLIND_INDEX_KEY',
  'METRICS_TOKEN',
  'REDIS_URL',
  'WECHAT_PUSH_TOKEN',
  'WECHAT_PUSH_AES_KEY',
])

/** Reads and validates configuration once; the only place that looks at process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const relevant = Object.fromEntries(
    Object.keys(ConfigSchema.shape).map((key) => [key, blankToUndefined(env[key])]),
  )
  const parsed = ConfigSchema.safeParse(relevant)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'configuration')
      const shown = SECRETS.has(name) ? '(hidden)' : JSON.stringify(env[name] ?? '')
      return `${name}=${shown} is invalid: ${issue.message}`
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
    API_DOCS: config.API_DOCS ?? (production ? 'off' : 'public'),
    // Outside production an unset secret is made up per start: tokens then die with the process.
    JWT_SECRET: config.JWT_SECRET ?? randomBytes(32).toString('base64url'),
    PUBLIC_BASE_URL: (config.PUBLIC_BASE_URL ?? `http://localhost:${config.PORT}`).replace(
      /\/+$/,
      '',
    ),
    dataDir: path.resolve(cwd, config.DATA_DIR),
    h5Dir: config.H5_DIR ? path.resolve(cwd, config.H5_DIR) : DEFAULT_H5_DIR,
    seedDemo: SEED_DEMO === 'auto' ? !config.DATABASE_URL : SEED_DEMO === 'true',
    FIELD_KEY_ACTIVE: config.FIELD_KEY_ACTIVE ?? [...(config.FIELD_KEYS?.keys() ?? [])].at(-1),
  }
}

/** Settings fine on a laptop but dangerous in production, and ones that contradict each
 * other: refused at start. */
function refuseUnsafe(config: Omit<Parsed, 'SEED_DEMO'>, wechatMode: 'dev' | 'live'): void {
  const problems: string[] = []
  if (config.NODE_ENV === 'production') {
    if (wechatMode === 'dev') problems.push('WECHAT_MODE="dev" is refused when NODE_ENV=production')
    if (config.PASSWORD_HASH_COST < 15)
      problems.push('PASSWORD_HASH_COST below 15 is refused when NODE_ENV=production')
    if (!config.JWT_SECRET) problems.push('JWT_SECRET is required when NODE_ENV=production')
    // Without them the server would fall back to the dev key file beside the data.
    if (!config.FIELD_KEYS) problems.push('FIELD_KEYS is required when NODE_ENV=production')
    if (!config.BLIND_INDEX_KEY)
      problems.push('BLIND_INDEX_KEY is required when NODE_ENV=production')
    // Plaques printed with a localhost link would be useless on a stall.
    if (!config.PUBLIC_BASE_URL)
      problems.push('PUBLIC_BASE_URL is required when NODE_ENV=production')
    // Without the push no image-check verdict can arrive: no photo would ever be checked.
    if (wechatMode === 'live' && !config.WECHAT_PUSH_TOKEN)
      problems.push('WECHAT_PUSH_TOKEN is required when NODE_ENV=production (photo checks)')
  } else if (!config.FIELD_KEYS !== !config.BLIND_INDEX_KEY) {
    problems.push('FIELD_KEYS and BLIND_INDEX_KEY are set together, or neither (dev key file)')
  }
  const active = config.FIELD_KEY_ACTIVE
  if (active && !config.FIELD_KEYS?.has(active)) {
    const ids = [...(config.FIELD_KEYS?.keys() ?? [])].join(', ') || 'none'
    problems.push(
      `FIELD_KEY_ACTIVE="${active}" is invalid: must be one of the ids in FIELD_KEYS (${ids})`,
    )
  }
  if (wechatMode === 'live' && (!config.WECHAT_APPID || !config.WECHAT_SECRET)) {
    problems.push('WECHAT_APPID and WECHAT_SECRET are required when WECHAT_MODE=live')
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`)
}

function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value
}
