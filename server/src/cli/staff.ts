// `npm run staff -- create --username fj.admin --name 张三 --level province --region 350000`
// Bootstraps staff accounts (the first province account) straight in the database. The
// password is read from STAFF_PASSWORD or, when unset, from the first line of stdin.
import { parseArgs } from 'node:util'
import { CreateStaffRequest, regionPath } from '@djt/shared'
import { recordAudit } from '../audit/audit.repository.ts'
import { setPasswordCost } from '../auth/password.ts'
import { loadConfig } from '../config.ts'
import { createFieldCipher } from '../crypto/field-cipher.ts'
import { loadKeyring } from '../crypto/keyring.ts'
import { migrate, readMigrations } from '../db/migrate.ts'
import { openDatabase } from '../db/open.ts'
import { runSeeds } from '../seed/seed.ts'
import { createStaff } from '../staff/staff.service.ts'

const usage =
  'usage: npm run staff -- create --username NAME --name 姓名 --level province|city|county|station --region CODE [--station 指导站名称]'

async function readPassword(): Promise<string> {
  if (process.env.STAFF_PASSWORD) return process.env.STAFF_PASSWORD
  process.stderr.write('Password (one line on stdin): ')
  let input = ''
  for await (const chunk of process.stdin) {
    input += chunk
    if (input.includes('\n')) break
  }
  return input.split('\n')[0]?.trimEnd() ?? ''
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      level: { type: 'string' },
      region: { type: 'string' },
      station: { type: 'string' },
    },
  })
  if (positionals[0] !== 'create') throw new Error(usage)
  const parsed = CreateStaffRequest.safeParse({
    username: values.username,
    displayName: values.name,
    level: values.level,
    regionCode: values.region,
    stationName: values.station,
    password: await readPassword(),
  })
  if (!parsed.success) {
    throw new Error(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'),
    )
  }
  const config = loadConfig()
  setPasswordCost(config.PASSWORD_HASH_COST)
  const handle = await openDatabase(config)
  try {
    await migrate(handle, await readMigrations())
    const cipher = createFieldCipher(loadKeyring(config))
    await runSeeds(handle.db, { demo: config.seedDemo, cipher })
    const id = await handle.db.transaction().execute(async (trx) => {
      const created = await createStaff(trx, null, parsed.data)
      await recordAudit(trx, {
        actorId: null,
        actorRole: 'system',
        action: 'staff.create',
        outcome: 'success',
        targetType: 'staff_account',
        targetId: created,
        // So staff of that region (and above) see it in GET /audit, like any other account.
        regionPath: regionPath(parsed.data.regionCode),
        detail: { via: 'cli' },
      })
      return created
    })
    console.log(
      `created staff account ${parsed.data.username} (${parsed.data.level}, ${parsed.data.regionCode}), id ${id}`,
    )
  } finally {
    await handle.close()
  }
}

main().catch((error: unknown) => {
  const fields = (error as { fields?: { message: string }[] }).fields
  console.error(
    `staff: ${(error as Error).message}${fields ? `\n${fields.map((f) => `  ${f.message}`).join('\n')}` : ''}`,
  )
  process.exit(1)
})
