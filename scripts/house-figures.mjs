// The house rules' figures (ARCHITECTURE.md), counted from the sources as they are:
//   node scripts/house-figures.mjs [--list]
// Prints: server files importing another domain's modules, imports across mini-program
// sub-packages (each is its own download; the main package's folders are for all), casts
// of `request.caller`, SQL builders outside repositories, `process.env` outside the
// config modules, hex colours outside the design-token files, busy flags kept by hand
// in the mini-program instead of `useMutation`, forms keeping their field messages in their
// own state instead of `useZodForm`, jsonb columns typed `unknown` (read back only through
// a cast), and ledger metric names spelled outside their one list. `--list` names each
// file counted. Runs on any checkout, an old commit included, for a before-and-after.
import path from 'node:path'
import {
  crossImports,
  envOutsideConfig,
  handMadeBusy,
  matching,
  miniapp,
  ownFormState,
  SERVER_SHARED,
  server,
  sqlOutsideRepositories,
  subPackageImports,
  total,
  untypedJsonColumns,
} from './lib/house-rules.mjs'

const list = process.argv.includes('--list')
const figures = [
  ['server files importing another domain', crossImports(server, SERVER_SHARED), false],
  ['imports across mini-program sub-packages', subPackageImports(miniapp), false],
  [
    'casts of request.caller',
    matching(server, ['.ts'], /request\.caller\s+as\b|\bcaller\s+as\s+\w*Caller\b/g),
    true,
  ],
  ['server files outside repositories building SQL', sqlOutsideRepositories(), false],
  ['process.env outside the config modules', envOutsideConfig(), true],
  [
    'hex colours outside the design tokens',
    matching(
      miniapp,
      ['.scss', '.ts', '.tsx'],
      /#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b(?![\w-])/g,
      (file) => /styles[\\/]tokens\./.test(file),
    ),
    true,
  ],
  ['hand-made busy blocks in the mini-program', handMadeBusy(), true],
  ['jsonb columns typed unknown', untypedJsonColumns(), true],
  [
    'ledger metric names written outside ledgers/metrics.ts',
    matching(
      path.join(server, 'ledgers'),
      ['.ts'],
      /'(?:members|riders|operators|markets|care|pledges)\.[a-z_]+'/g,
      (file) => file.endsWith(`${path.sep}metrics.ts`),
    ),
    true,
  ],
  ['forms with their own state machinery', ownFormState(), false],
]
for (const [name, entries, byOccurrence] of figures) {
  const count = byOccurrence ? total(entries) : entries.length
  console.log(`${String(count).padStart(5)}  ${name}`)
  if (list) for (const entry of entries) console.log(`         ${entry}`)
}
