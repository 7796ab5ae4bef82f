// Each register's row as stored, read from a checked file row. Names keep a normalised
// copy and mobiles/ID numbers are kept only encrypted with a blind index, the same kinds
// membership entries use, so the two compare equal whatever the formatting.
import { normalizeName, normalizeText, type RegisterKind, usccRegionCode } from '@djt/shared'
import type { FieldCipher } from '../crypto/field-cipher.ts'
import type { RowCheck } from './row-check.ts'

export type RegisterRecord = Record<string, string | number | boolean | null>

const INACTIVE = /注销|吊销|迁出|撤销/
const ACTIVE = /存续|在业|开业|在营|在册/

export interface RowReader {
  /** The record, or undefined when the check found problems. */
  read(check: RowCheck, cipher: FieldCipher): RegisterRecord | undefined
  /** The natural key: a later row with the same key replaces the earlier one. */
  key(record: RegisterRecord): string
}

const business: RowReader = {
  read(check) {
    const uscc = check.uscc('uscc')
    const name = check.text('name', 200)
    const legalRepresentative = check.text('legalRepresentative', 50)
    const status = check.text('status', 50)
    const active = !INACTIVE.test(status) && ACTIVE.test(status)
    if (status && !INACTIVE.test(status) && !ACTIVE.test(status))
      check.refuse('status', '登记状态应为存续、在业、开业、注销、吊销或迁出')
    const regionPath = check.region('regionCode')
    if (check.problems.length > 0) return undefined
    return {
      uscc,
      name,
      name_norm: normalizeText(name),
      legal_representative: legalRepresentative,
      legal_representative_norm: normalizeName(legalRepresentative),
      status,
      active,
      region_code: check.cell('regionCode'),
      region_path: regionPath ?? null,
    }
  },
  key: (record) => String(record.uscc),
}

const annualReport: RowReader = {
  read(check) {
    const uscc = check.uscc('uscc')
    // No region column: the registering authority's code inside the USCC says where.
    const regionPath =
      check.problems.length === 0
        ? check.region('uscc', usccRegionCode(uscc), '统一社会信用代码中的地区码')
        : undefined
    const memberCount = check.count('memberCount')
    const hasOrganisation = check.flag('hasOrganisation')
    if (check.problems.length > 0 || !regionPath) return undefined
    return {
      uscc,
      member_count: memberCount,
      has_organisation: hasOrganisation,
      region_path: regionPath,
    }
  },
  key: (record) => String(record.uscc),
}

const platformRoster: RowReader = {
  read(check, cipher) {
    const platform = check.platform('platform')
    const riderId = normalizeText(check.text('riderId', 64))
    const name = check.text('name', 50)
    const mobile = check.mobile('mobile', true)
    const isMember = check.flag('isMember')
    const regionPath = check.region('regionCode')
    if (check.problems.length > 0 || !mobile) return undefined
    return {
      platform: platform ?? null,
      rider_id_norm: riderId,
      name,
      name_norm: normalizeName(name),
      mobile_enc: cipher.encrypt(mobile),
      mobile_bi: cipher.blindIndex('mobile', mobile),
      is_member: isMember,
      region_code: check.cell('regionCode'),
      region_path: regionPath ?? null,
    }
  },
  key: (record) => `${record.platform}\u0000${record.rider_id_norm}`,
}

const partyList: RowReader = {
  read(check, cipher) {
    const name = check.text('name', 50)
    const idNumber = check.residentId('idNumber')
    const mobile = check.mobile('mobile', false)
    if (check.cell('idNumber') === '' && check.cell('mobile') === '')
      check.refuse('idNumber', '身份证号和手机号至少填写一项')
    const organisation = check.text('organisation', 100)
    const regionPath = check.region('regionCode')
    if (check.problems.length > 0) return undefined
    return {
      name,
      name_norm: normalizeName(name),
      id_number_enc: idNumber ? cipher.encrypt(idNumber) : null,
      id_number_bi: idNumber ? cipher.blindIndex('resident_id', idNumber) : null,
      mobile_enc: mobile ? cipher.encrypt(mobile) : null,
      mobile_bi: mobile ? cipher.blindIndex('mobile', mobile) : null,
      organisation,
      region_code: check.cell('regionCode'),
      region_path: regionPath ?? null,
    }
  },
  // Without an ID number the person is known by name and mobile.
  key: (record) =>
    record.id_number_bi
      ? `id\u0000${record.id_number_bi}`
      : `nm\u0000${record.name_norm}\u0000${record.mobile_bi}`,
}

export const rowReaders: Record<RegisterKind, RowReader> = {
  business,
  annual_report: annualReport,
  platform_roster: platformRoster,
  party_list: partyList,
}
