import {
  type FieldError,
  type MembershipDraft,
  MembershipForm,
  regionPath,
  usccRegionCode,
  type Warning,
} from '@djt/shared'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../http/errors.ts'
import { findRegion } from '../regions/regions.repository.ts'

const FIELD_PREFIX = 'body.form'

export interface CheckedSubmission {
  form: MembershipForm
  regionPath: string
  warnings: Warning[]
}

/** The strict check a submission passes: the shared schema, then what only the server knows. */
export async function checkSubmission(
  db: Kysely<Database>,
  draft: MembershipDraft,
): Promise<CheckedSubmission> {
  const parsed = MembershipForm.safeParse(draft)
  if (!parsed.success) {
    throw invalid(
      parsed.error.issues.map((issue) => ({
        field: [FIELD_PREFIX, ...issue.path.map(String)].join('.'),
        message: issue.message,
      })),
    )
  }
  const form = parsed.data
  const regionField = form.kind === 'market_opener' ? 'regionCode' : 'workRegionCode'
  const regionCode = form.kind === 'market_opener' ? form.regionCode : form.workRegionCode
  const found = await findRegion(db, regionCode)
  const region = found?.level === 'county' ? found : undefined
  if (!region) {
    throw invalid([{ field: `${FIELD_PREFIX}.${regionField}`, message: '请选择到区县一级' }])
  }
  if (form.kind !== 'market_opener' && !(await findRegion(db, form.orgRegionCode))) {
    throw invalid([{ field: `${FIELD_PREFIX}.orgRegionCode`, message: '组织关系所在地区不存在' }])
  }
  return { form, regionPath: region.path, warnings: usccWarnings(form, regionCode) }
}

/** The USCC's region part names the registering authority: a mismatch is worth a look, no more. */
function usccWarnings(form: MembershipForm, regionCode: string): Warning[] {
  if (form.kind === 'rider' || !form.uscc) return []
  const registered = usccRegionCode(form.uscc)
  if (regionPath(regionCode).split('.').includes(registered)) return []
  return [
    {
      field: `${FIELD_PREFIX}.uscc`,
      message: `统一社会信用代码的登记机关地区（${registered}）与所选地区（${regionCode}）不一致，请确认`,
    },
  ]
}

function invalid(fields: FieldError[]): ApiError {
  const message = `请检查：${fields.map((field) => field.message).join('；')}`
  return new ApiError(400, 'validation_failed', message, fields)
}
