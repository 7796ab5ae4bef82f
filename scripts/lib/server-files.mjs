/**
 * Where the server's test files run when both drivers are at hand (DATABASE_URL set, as in
 * CI). Every file runs on PostgreSQL, the production database. The two drivers run the
 * same PostgreSQL engine, so the same SQL gives the same answer on both; what differs is
 * around it: PGlite is one session in the server's own thread, in a folder `npm start`
 * opens, locks, backs up and reopens after a crash. So these files run on PGlite too,
 * besides every route through the matrix and the fuzz test (a query that waits for a second
 * connection, fine on a pool, would hang PGlite's one session there). Without
 * DATABASE_URL every file runs on PGlite; SERVER_FILES_ON_BOTH=all runs every file on both.
 * The end-to-end and WeChat-build tests run their server on PGlite as well.
 */
export const PGLITE_TOO = [
  ['authorization-matrix.test.ts', 'every route once, as every kind of caller'],
  ['fuzz-1.test.ts', 'every route with bad input, part 1 of 4'],
  ['fuzz-2.test.ts', 'every route with bad input, part 2 of 4'],
  ['fuzz-3.test.ts', 'every route with bad input, part 3 of 4'],
  ['fuzz-4.test.ts', 'every route with bad input, part 4 of 4'],
  ['backup-restore.test.ts', 'a data folder is backed up and restored, not a schema'],
  ['compiled.test.ts', 'the compiled server on its data folder'],
  ['process.test.ts', 'start, signals and a second server on one folder'],
  ['migrate.test.ts', 'migrations in the one session'],
  ['seed.test.ts', 'the demo seed `npm start` writes'],
  ['public-limits.test.ts', 'parallel requests queued on the one session'],
  ['registers-crash.test.ts', 'a server killed mid-import, its folder reopened'],
  ['places-import.test.ts', 'a large import in the one session'],
  ['staff-cli.test.ts', '`npm run staff` on the data folder'],
  ['status.test.ts', 'what /status says of the driver'],
  ['operability.test.ts', 'metrics and readiness of the driver'],
]

export const pgliteTooFiles = () => PGLITE_TOO.map(([file]) => `test/${file}`)
