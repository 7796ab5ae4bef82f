import { fileURLToPath } from 'node:url'
import { afterEach, inject } from 'vitest'
import { SESSION_KEY } from '../../miniapp/src/services/session-store.ts'
import { MiniProgram, type MiniProgramOptions } from './harness/mini-program.ts'

export const dist = fileURLToPath(new URL('../../miniapp/dist', import.meta.url))

const running: MiniProgram[] = []
afterEach(() => {
  for (const program of running.splice(0)) program.close()
})

type Options = Partial<Omit<MiniProgramOptions, 'dist' | 'compiledWxml' | 'server'>>

/** The WeChat build, not yet launched, against the suite's server. */
export function weapp(options: Options = {}): MiniProgram {
  const program = new MiniProgram({
    dist,
    compiledWxml: inject('compiledWxml'),
    server: inject('server'),
    ...options,
  })
  running.push(program)
  return program
}

/** The WeChat build launched on `route` (with its query), its first requests answered. */
export async function launched(
  route: string,
  options: Options & { query?: Record<string, string> } = {},
): Promise<MiniProgram> {
  const { query, ...rest } = options
  const program = weapp(rest)
  await program.launch(route, query)
  return program
}

/** Storage holding a session, as the app leaves it after signing in. */
export function signedIn(session: unknown): Record<string, unknown> {
  return { [SESSION_KEY]: session }
}
