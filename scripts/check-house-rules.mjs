// The house rules of ARCHITECTURE.md, checked (`npm run lint` and `npm test` run this).
// Fails on: an import across mini-program sub-packages; a runtime import cycle; a busy flag
// kept by hand in the mini-program instead of `hooks/useMutation.ts`; SQL built
// outside repositories, `fastify` in a service or repository, or `process.env` outside the
// config modules — except in the files listed below, the debt as it stands. A listed file
// that no longer breaks its rule fails too, so each list can only shrink: take the file
// off it when you fix it.
import {
  envOutsideConfig,
  fastifyInLowerLayers,
  handMadeBusy,
  importCycles,
  miniapp,
  root,
  server,
  sqlOutsideRepositories,
  subPackageImports,
} from './lib/house-rules.mjs'

/** SQL still built outside repositories: to move into the domain's repository. */
const SQL_DEBT = []
/** Services handed the whole Fastify instance: to take the narrow things they use. */
const FASTIFY_DEBT = []
/** Command-line tools that read their own environment (not part of the running server). */
const ENV_ALLOWED = ['server/src/backup/pg-tools.ts', 'server/src/cli/staff.ts']

const problems = []
const fileOf = (entry) => entry.replace(/ \(\d+\)$/, '')

function ratchet(rule, found, allowed) {
  const files = found.map(fileOf)
  for (const file of files) {
    if (!allowed.includes(file)) problems.push(`${rule}: ${file}`)
  }
  for (const file of allowed) {
    if (!files.includes(file)) {
      problems.push(
        `${rule}: ${file} is listed as an exception but keeps the rule now: take it off the list in scripts/check-house-rules.mjs`,
      )
    }
  }
}

for (const entry of subPackageImports(miniapp)) {
  problems.push(`a sub-package imports another sub-package: ${entry}`)
}
for (const entry of handMadeBusy()) {
  problems.push(`a busy flag kept by hand (use hooks/useMutation.ts): ${entry}`)
}
for (const cycle of importCycles([server, miniapp, `${root}/shared/src`])) {
  problems.push(`import cycle: ${cycle}`)
}
ratchet('SQL built outside a repository', sqlOutsideRepositories(), SQL_DEBT)
ratchet('fastify imported by a service or repository', fastifyInLowerLayers(), FASTIFY_DEBT)
ratchet('process.env read outside the config modules', envOutsideConfig(), ENV_ALLOWED)

if (problems.length > 0) {
  console.error(`House rules (ARCHITECTURE.md) broken:\n  ${problems.join('\n  ')}`)
  process.exit(1)
}
console.log(
  `House rules kept (ARCHITECTURE.md); debt left: SQL outside repositories in ${SQL_DEBT.length} files, fastify in ${FASTIFY_DEBT.length} services.`,
)
