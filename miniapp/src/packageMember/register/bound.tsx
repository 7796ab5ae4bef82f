import { chinaToday } from '@djt/shared'
import DateField from '../../components/DateField'
import RegionField from '../../components/RegionField'
import SelectField, { optionsOf } from '../../components/SelectField'
import SwitchField from '../../components/SwitchField'
import TextField from '../../components/TextField'
import type { FieldMessages } from '../../forms/issues'
import { fieldLabels } from '../../membership/labels'
import type { MembershipDraft } from '../../services/memberships'

/** What each field needs from the form: its value, its error, and a way to change it. */
export interface FormBinding {
  draft: MembershipDraft
  errors: FieldMessages
  edit: (field: string, value: unknown) => void
}

interface Bound {
  form: FormBinding
  field: string
  label?: string
}

/** Anything typed so far as text ('' when nothing). */
export function textOf(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : ''
}

const common = ({ form, field, label }: Bound) => ({
  id: `field-${field}`,
  label: label ?? fieldLabels[field] ?? field,
  error: form.errors[field],
})

interface TextProps extends Bound {
  placeholder: string
  hint?: string | undefined
  type?: 'text' | 'number' | 'digit' | 'idcard'
  maxlength?: number
}

export function BoundText({ placeholder, hint, type, maxlength, ...bound }: TextProps) {
  const { form, field } = bound
  return (
    <TextField
      {...common(bound)}
      placeholder={placeholder}
      hint={hint}
      type={type ?? 'text'}
      maxlength={maxlength ?? 100}
      value={textOf(form.draft[field])}
      onChange={(value) => form.edit(field, value)}
    />
  )
}

export function BoundSelect({ names, ...bound }: Bound & { names: Record<string, string> }) {
  const { form, field } = bound
  return (
    <SelectField
      {...common(bound)}
      options={optionsOf(names)}
      value={textOf(form.draft[field])}
      onChange={(value) => form.edit(field, value)}
    />
  )
}

export function BoundSwitch(bound: Bound) {
  const { form, field } = bound
  return (
    <SwitchField
      {...common(bound)}
      value={form.draft[field] === true}
      onChange={(value) => form.edit(field, value)}
    />
  )
}

export function BoundRegion(bound: Bound) {
  const { form, field } = bound
  return (
    <RegionField
      {...common(bound)}
      value={textOf(form.draft[field])}
      onChange={(code) => form.edit(field, code)}
    />
  )
}

/** A day since the Party's founding, up to today in Beijing. */
export function BoundPastDate(bound: Bound) {
  const { form, field } = bound
  return (
    <DateField
      {...common(bound)}
      start="1921-07-01"
      end={chinaToday()}
      value={textOf(form.draft[field])}
      onChange={(day) => form.edit(field, day)}
    />
  )
}
