import { spawn } from 'node:child_process'

/** Runs a command with inherited output; resolves to its exit code (never rejects). */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options })
    child.on('error', () => resolve(127))
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)))
  })
}

/**
 * Like run, but also keeps what the command printed, for counting its results. `echo:
 * false` prints nothing as it comes (for commands run side by side, printed after).
 */
export function runCaptured(command, args, { echo = true, ...options } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options })
    let output = ''
    const keep = (stream, sink) =>
      stream.on('data', (chunk) => {
        output += chunk
        if (echo) sink.write(chunk)
      })
    keep(child.stdout, process.stdout)
    keep(child.stderr, process.stderr)
    child.on('error', (error) => resolve({ code: 127, output: String(error) }))
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output }))
  })
}

/**
 * Runs commands at most `width` at a time, each one's output printed whole when it ends;
 * resolves to the first non-zero exit code, or 0.
 */
export async function runSideBySide(commands, width = 2) {
  const queue = [...commands]
  let failed = 0
  const lane = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { code, output } = await runCaptured(next.command, next.args, {
        ...next.options,
        echo: false,
      })
      process.stdout.write(`── ${[next.command, ...next.args].join(' ')} (exit ${code})\n${output}`)
      if (code !== 0 && !failed) failed = code
    }
  }
  await Promise.all(Array.from({ length: width }, lane))
  return failed
}
