const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g')

/** Reads pass/fail/skip counts from the closing lines of the runners we use. */
export function countTap(output) {
  const line = [...output.matchAll(/^# \{ (total: \d+[^}]*) \}$/gm)].at(-1)?.[1]
  if (!line) return undefined
  const get = (name) => Number(new RegExp(`${name}: (\\d+)`).exec(line)?.[1] ?? 0)
  return { passed: get('pass'), failed: get('fail'), skipped: get('skip') + get('todo') }
}

export function countVitest(output) {
  // vitest prints e.g. "Tests  3 failed | 65 passed | 1 skipped (69)", maybe in colour
  const clean = output.replaceAll(ANSI_COLOUR, '')
  const line = [...clean.matchAll(/^\s*Tests\s+(.+)\(\d+\)\s*$/gm)].at(-1)?.[1]
  if (!line) return undefined
  const get = (name) => Number(new RegExp(`(\\d+) ${name}`).exec(line)?.[1] ?? 0)
  return { passed: get('passed'), failed: get('failed'), skipped: get('skipped') + get('todo') }
}

/** node --test's closing lines (`# pass 5`, `# fail 0` … or `ℹ pass 5` from the spec reporter). */
export function countNodeTest(output) {
  const get = (name) => [...output.matchAll(new RegExp(`^[#ℹ] ${name} (\\d+)$`, 'gm'))].at(-1)?.[1]
  const passed = get('pass')
  if (passed === undefined) return undefined
  const failed = Number(get('fail') ?? 0) + Number(get('cancelled') ?? 0)
  return { passed: Number(passed), failed, skipped: Number(get('skipped') ?? 0) }
}
