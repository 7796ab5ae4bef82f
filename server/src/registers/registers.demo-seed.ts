import { randomUUID } from 'node:crypto'
import { open, unlink } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { RegisterKind } from '@djt/shared'
import type { Transaction } from 'kysely'
import type { StaffCaller } from '../auth/access.ts'
import type { FieldCipher } from '../crypto/field-cipher.ts'
import type { Database } from '../db/schema.ts'
import type { SeedStep } from '../seed/seed.ts'
import { defaultImportLimits } from '../uploads/limits.ts'
import { importRegister } from './import.ts'

/** Made-up register rows in 鼓楼区 that confirm some demo entries and not others. */
const demoRegisters: [RegisterKind, string][] = [
  [
    'platform_roster',
    `平台,骑手编号,姓名,手机号,是否党员,行政区划代码
美团,MT-20260001,王小明,13800000001,是,350102
饿了么,ELM-88231,李强,13800000002,是,350102
美团,MT-20260002,赵六,13800000009,否,350102`,
  ],
  [
    'party_list',
    `姓名,身份证号,手机号,所在党组织,行政区划代码
王小明,350102199001011238,13800000001,中共福州市鼓楼区东街社区委员会,350102
陈建国,,13800000003,东街口农贸市场联合党支部,350102`,
  ],
  [
    'business',
    `统一社会信用代码,名称,法定代表人,登记状态,行政区划代码
92350102MA2Y3K4L5K,鼓楼区陈记干货店,陈建国,存续,350102`,
  ],
  ['annual_report', '统一社会信用代码,党员人数,是否建立党组织\n92350102MA2Y3K4L5K,1,否'],
]

/** The demo registers, imported by 鼓楼区's demo staff through the real import path. */
export const demoRegistersSeed: SeedStep = {
  name: 'demo-registers',
  demo: true,
  version: '1',
  async run(trx, { cipher }) {
    const caller = await demoImporter(trx)
    for (const [kind, csv] of demoRegisters) await importCsv(trx, cipher, caller, kind, csv)
  },
}

async function demoImporter(trx: Transaction<Database>): Promise<StaffCaller> {
  const staff = await trx
    .selectFrom('staff_accounts')
    .select(['user_id', 'username', 'level', 'region_code', 'region_path'])
    .where('username', '=', 'demo.gulou')
    .executeTakeFirstOrThrow()
  return {
    kind: 'staff',
    id: staff.user_id,
    username: staff.username,
    level: staff.level,
    regionCode: staff.region_code,
    regionPath: staff.region_path,
    mfaPending: false,
  }
}

async function importCsv(
  trx: Transaction<Database>,
  cipher: FieldCipher,
  caller: StaffCaller,
  kind: RegisterKind,
  csv: string,
): Promise<void> {
  const name = path.join(os.tmpdir(), `djt-demo-register-${randomUUID()}`)
  const file = await open(name, 'wx+', 0o600)
  await unlink(name)
  try {
    await file.write(`${csv}\n`)
    const upload = { fileName: `演示-${kind}.csv`, file, limits: defaultImportLimits }
    const request = { kind, upload, caller, cipher, requestId: 'seed', ip: '127.0.0.1' }
    await importRegister(trx, { ...request, onProgress: () => {} }, (work) => work(trx))
  } finally {
    await file.close()
  }
}
