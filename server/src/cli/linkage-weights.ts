// `npm run linkage-weights -w server [-- --pairs 20000]`: re-estimates the record-linkage
// weights' u from random pairs of register rows and stores them as the next version.
// Evidence recomputed afterwards uses it; entries' evidence says which version it used.
import { loadConfig } from '../config.ts'
import { migrate, readMigrations } from '../db/migrate.ts'
import { openDatabase } from '../db/open.ts'
import { reestimateWeights } from '../evidence/linkage-weights.service.ts'

function pairsArgument(argv: string[]): number {
  const at = argv.indexOf('--pairs')
  const value = at >= 0 ? Number(argv[at + 1]) : 20_000
  if (!Number.isInteger(value) || value < 100) throw new Error('--pairs 应为不小于100的整数')
  return value
}

async function main(): Promise<void> {
  const pairs = pairsArgument(process.argv.slice(2))
  const handle = await openDatabase(loadConfig())
  try {
    await migrate(handle, await readMigrations())
    const { weights, note } = await reestimateWeights(handle.db, { pairs })
    console.log(`stored linkage weights version ${weights.version}: ${note}`)
    console.log(JSON.stringify(weights, null, 2))
  } finally {
    await handle.close()
  }
}

main().catch((error: unknown) => {
  console.error(`linkage-weights: ${(error as Error).message}`)
  process.exit(1)
})
