import { setTimeout as sleep } from 'node:timers/promises'
import Fastify from 'fastify'
import app, { serverOptions } from './app.ts'
import { ConfigError, loadConfig } from './config.ts'

const SHUTDOWN_GRACE_MS = 10_000

async function main(): Promise<void> {
  const config = loadConfig()
  const started = performance.now()
  const server = Fastify(serverOptions(config))
  await server.register(app, { config })
  await server.listen({ port: config.PORT, host: config.HOST })
  server.log.info({ ms: Math.round(performance.now() - started) }, 'ready')

  // Behind a proxy, /readyz first says 503 for SHUTDOWN_DRAIN_SECONDS while requests are
  // still served, so the proxy stops sending any before the listener closes. Then in-flight
  // requests finish, and onClose hooks close the pool and release the data folder.
  const drainMs = config.SHUTDOWN_DRAIN_SECONDS * 1000
  const shutdown = async (signal: string) => {
    server.log.info({ signal, drainMs }, 'shutting down')
    const force = setTimeout(() => process.exit(1), drainMs + SHUTDOWN_GRACE_MS)
    force.unref()
    server.draining = true
    await sleep(drainMs)
    server.close().then(
      () => process.exit(0),
      (error) => {
        server.log.error({ err: error }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.once('SIGTERM', shutdown)
  process.once('SIGINT', shutdown)
}

main().catch((error: unknown) => {
  // One clear line: configuration and lock problems are the operator's to fix, not stack traces.
  const known =
    error instanceof ConfigError || (error instanceof Error && /Locked|Migration/.test(error.name))
  console.error(known ? `党建通 server cannot start: ${(error as Error).message}` : error)
  process.exit(1)
})
