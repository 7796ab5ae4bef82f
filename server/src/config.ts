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
  SEED_DEMO: z
    .enum(['auto', 'true', 'false'])
    .default('auto')
    .describe('auto: load the demo dataset on the embedded database only'),
})

/** The H5 build inside this checkout, wherever the server is started from. */
const DEFAULT_H5_DIR = fileURLToPath(new URL('../../miniapp/dist-h5', import.meta.url))

export type Config = Omit<z.infer<typeof ConfigSchema>, 'SEED_DEMO'> & {
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
  return {
    ...config,
    dataDir: path.resolve(cwd, config.DATA_DIR),
    h5Dir: config.H5_DIR ? path.resolve(cwd, config.H5_DIR) : DEFAULT_H5_DIR,
    seedDemo: SEED_DEMO === 'auto' ? !config.DATABASE_URL : SEED_DEMO === 'true',
  }
}

function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value
}
