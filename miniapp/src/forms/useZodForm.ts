import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { z } from 'zod'
import { type MutationOptions, type Outcome, useMutation } from '../hooks/useMutation'
import type { ApiError } from '../services/http'
import {
  defaultField,
  type FieldMessages,
  type IssuePath,
  isBlank,
  placed,
  serverPath,
  staleKeys,
} from './issues'

export type { FieldMessages, IssuePath } from './issues'

export interface ZodFormOptions<V extends object, T> {
  /** The shared schema: the contract the server checks too. */
  schema: z.ZodType<T>
  initial: V
  /** The form as typed → what the schema reads (blanks left out, numbers read). */
  toInput?: (values: V) => unknown
  /**
   * The field an issue belongs to. Default: its path's first step when that is a field, and
   * `promises.2` for an issue about the third row of a list field (`promises.2.text`).
   */
  fieldOf?: (path: IssuePath, values: V) => string | undefined
  /** The schema's message said otherwise (a picker left unchosen: "请选择…"; "周三：" before a row's). */
  say?: (field: string, message: string, values: V, path: IssuePath) => string
  /** A check the schema cannot make (a field it does not hold): its messages join the schema's. */
  refine?: (values: V) => FieldMessages
  /**
   * Values the server already holds and shows masked: a field left blank is checked as this
   * stand-in, and left out of what `validate` returns (the server keeps what it has).
   */
  kept?: (values: V) => Readonly<Record<string, unknown>>
  /** The form's message when the check finds problems (default: none beside the fields'). */
  checkMessage?: string
  /** The form's message when the server named the fields it refused (default: none). */
  serverCheckMessage?: string
  /** Told the values after each edit made through `set` (to keep a draft on the phone). */
  onEdit?: (values: V) => void
  /** What the server's field names start with, before the path the schema gives. */
  serverPrefixes?: readonly string[]
  /** The fields in screen order, and the selector that shows one: the first error is scrolled to. */
  scroll?: {
    order: (values: V) => readonly string[]
    selector: (field: string | undefined) => string | undefined
  }
  /** For `submit`: how a failed send is said besides the field messages. */
  mutation?: MutationOptions
}

interface FormState<V> {
  values: V
  errors: FieldMessages
  /** What belongs to no single field (wrong password, offline). */
  message: string | null
  /** Fields the person changed; every field once a check ran. */
  touched: Partial<Record<string, true>>
  /** How many edits `set` made, ever: what `onEdit` follows (a reset is no edit). */
  edits: number
}

/**
 * A form checked by the shared zod schema: its values, each field's first message (the
 * schemas speak Chinese), what was touched, and a `submit` that sends only what passed.
 */
export function useZodForm<V extends object, T>(options: ZodFormOptions<V, T>) {
  const settings = useRef(options)
  settings.current = options
  const initial = useRef(options.initial)
  const [state, setState] = useState<FormState<V>>(() => blank(options.initial))
  const latest = useRef(state)
  latest.current = state
  const sending = useMutation(options.mutation)

  useEffect(() => {
    if (state.edits > 0) settings.current.onEdit?.(latest.current.values)
  }, [state.edits])

  /** An edit clears that field's message (a list's: those of the rows it changed). */
  const set = <F extends keyof V>(field: F, value: V[F]) =>
    setState((current) => {
      const errors = { ...current.errors }
      for (const key of staleKeys(field as string, current.values[field], value)) {
        delete errors[key]
      }
      const values = { ...current.values, [field]: value }
      return {
        ...current,
        values,
        errors,
        touched: { ...current.touched, [field as string]: true },
        edits: current.edits + 1,
      }
    })

  /** Messages found elsewhere (a check the schema cannot make), shown like the schema's. */
  const show = useCallback((errors: FieldMessages, message: string | null) => {
    setState((current) => ({ ...current, errors, message }))
    const { scroll } = settings.current
    if (!scroll) return
    const first = scroll.order(latest.current.values).find((field) => errors[field])
    const selector = scroll.selector(first)
    if (selector) Taro.pageScrollTo({ selector, duration: 300 }).catch(() => undefined)
  }, [])

  /** The parsed value, or null with every problem shown and the first one in view. */
  const validate = (): T | null => {
    const { schema, fieldOf, say, refine, checkMessage } = settings.current
    const { values } = latest.current
    const { input, standIns } = checkedInput(values, settings.current)
    const parsed = schema.safeParse(input, { jitless: true })
    const extra = refine?.(values) ?? {}
    const touched = Object.fromEntries(Object.keys(values).map((key) => [key, true as const]))
    setState((current) => ({ ...current, touched }))
    if (parsed.success && Object.keys(extra).length === 0) {
      setState((current) => ({ ...current, errors: {}, message: null }))
      return withoutFields(parsed.data, standIns)
    }
    const found = parsed.success
      ? { errors: {}, message: null }
      : placed(
          parsed.error.issues,
          (path) => field(path, values, fieldOf),
          say && ((key, message, path) => say(key, message, values, path)),
        )
    const errors = { ...found.errors, ...extra }
    const named = Object.keys(errors).length > 0
    show(errors, checkMessage ?? (named ? null : found.message))
    return null
  }

  /** The server's field messages on their fields; the rest as the form's message. */
  const fail = (error: ApiError) => {
    const { serverPrefixes = ['body.'], fieldOf, serverCheckMessage } = settings.current
    const { values } = latest.current
    const issues = error.fields.map(({ field: name, message }) => ({
      path: serverPath(name, serverPrefixes),
      message,
    }))
    const found = placed(issues, (path) => field(path, values, fieldOf))
    const named = Object.keys(found.errors).length > 0 && error.code === 'validation_failed'
    show(found.errors, named ? (serverCheckMessage ?? null) : error.message)
  }

  /** Checks, then sends what passed, one send at a time; null when the check failed. */
  const submit = async <R>(send: (value: T) => Promise<R>): Promise<Outcome<R> | null> => {
    if (sending.busy) return { ok: false, error: null }
    const value = validate()
    if (value === null) return null
    const outcome = await sending.run(() => send(value))
    if (!outcome.ok && outcome.error) fail(outcome.error)
    return outcome
  }

  // Stable, so a page can start the form from what it loaded inside an effect.
  const reset = useCallback((next: V = initial.current) => {
    initial.current = next
    setState((current) => ({ ...blank(next), edits: current.edits }))
  }, [])
  /** A new starting point from the values as they are now (what the server just saved). */
  const resetFrom = useCallback((change: (current: V) => V) => {
    setState((current) => {
      const next = change(current.values)
      initial.current = next
      return { ...blank(next), edits: current.edits }
    })
  }, [])

  const { values, errors, message, touched } = state
  const dirty = (Object.keys(values) as (keyof V)[]).some(
    (key) => !Object.is(values[key], initial.current[key]),
  )
  return {
    values,
    errors,
    message,
    touched,
    dirty,
    busy: sending.busy,
    set,
    show,
    validate,
    fail,
    submit,
    reset,
    resetFrom,
  }
}

function blank<V>(values: V): FormState<V> {
  return { values, errors: {}, message: null, touched: {}, edits: 0 }
}

/** What the schema reads, with a stand-in for each kept field left blank. */
function checkedInput<V extends object>(
  values: V,
  { toInput, kept }: Pick<ZodFormOptions<V, unknown>, 'toInput' | 'kept'>,
): { input: unknown; standIns: string[] } {
  const input = toInput ? toInput(values) : values
  const replacements = kept?.(values) ?? {}
  if (typeof input !== 'object' || input === null) return { input, standIns: [] }
  const read = input as Record<string, unknown>
  const standIns = Object.keys(replacements).filter((key) => isBlank(read[key]))
  const filled = Object.fromEntries(standIns.map((key) => [key, replacements[key]]))
  return { input: { ...read, ...filled }, standIns }
}

/** The parsed value without the stand-ins: the server keeps what it holds for those. */
function withoutFields<T>(parsed: T, fields: readonly string[]): T {
  if (fields.length === 0 || typeof parsed !== 'object' || parsed === null) return parsed
  return Object.fromEntries(Object.entries(parsed).filter(([key]) => !fields.includes(key))) as T
}

function field<V extends object>(
  path: IssuePath,
  values: V,
  fieldOf: ZodFormOptions<V, unknown>['fieldOf'],
): string | undefined {
  return fieldOf ? fieldOf(path, values) : defaultField(path, values)
}
