import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { z } from 'zod'
import { type MutationOptions, type Outcome, useMutation } from '../hooks/useMutation'
import type { ApiError } from '../services/http'

/** An issue's path, as zod gives it and as the server's `body.form.mobile` names it. */
export type IssuePath = readonly PropertyKey[]
/** The first message per field; keys are the form's fields (or `promises.2`, a row). */
export type FieldMessages = Partial<Record<string, string>>

export interface ZodFormOptions<V extends object, T> {
  /** The shared schema: the contract the server checks too. */
  schema: z.ZodType<T>
  initial: V
  /** The form as typed → what the schema reads (blanks left out, numbers read). */
  toInput?: (values: V) => unknown
  /** The field an issue belongs to (default: its path's first step, when it is a field). */
  fieldOf?: (path: IssuePath, values: V) => string | undefined
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

  /** An edit clears that field's message: the person is fixing it. */
  const set = <F extends keyof V>(field: F, value: V[F]) =>
    setState((current) => {
      const errors = { ...current.errors }
      delete errors[field as string]
      const values = { ...current.values, [field]: value }
      return {
        ...current,
        values,
        errors,
        touched: { ...current.touched, [field as string]: true },
      }
    })

  /** Messages found elsewhere (a check the schema cannot make), shown like the schema's. */
  const show = (errors: FieldMessages, message: string | null) => {
    setState((current) => ({ ...current, errors, message }))
    const { scroll } = settings.current
    if (!scroll) return
    const first = scroll.order(latest.current.values).find((field) => errors[field])
    const selector = scroll.selector(first)
    if (selector) Taro.pageScrollTo({ selector, duration: 300 }).catch(() => undefined)
  }

  /** The parsed value, or null with every problem shown and the first one in view. */
  const validate = (): T | null => {
    const { schema, toInput, fieldOf } = settings.current
    const { values } = latest.current
    const parsed = schema.safeParse(toInput ? toInput(values) : values, { jitless: true })
    const touched = Object.fromEntries(Object.keys(values).map((key) => [key, true as const]))
    setState((current) => ({ ...current, touched }))
    if (parsed.success) {
      setState((current) => ({ ...current, errors: {}, message: null }))
      return parsed.data
    }
    const found = placed(parsed.error.issues, (path) => field(path, values, fieldOf))
    show(found.errors, found.message)
    return null
  }

  /** The server's field messages on their fields; the rest as the form's message. */
  const fail = (error: ApiError) => {
    const { serverPrefixes = ['body.'], fieldOf } = settings.current
    const { values } = latest.current
    const issues = error.fields.map(({ field: name, message }) => ({
      path: serverPath(name, serverPrefixes),
      message,
    }))
    const found = placed(issues, (path) => field(path, values, fieldOf))
    const named = Object.keys(found.errors).length > 0 && error.code === 'validation_failed'
    show(found.errors, named ? null : error.message)
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

  const reset = (next: V = initial.current) => {
    initial.current = next
    setState(blank(next))
  }

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
  }
}

function blank<V>(values: V): FormState<V> {
  return { values, errors: {}, message: null, touched: {} }
}

function field<V extends object>(
  path: IssuePath,
  values: V,
  fieldOf: ZodFormOptions<V, unknown>['fieldOf'],
): string | undefined {
  if (fieldOf) return fieldOf(path, values)
  const [first] = path
  return typeof first === 'string' && first in values ? first : undefined
}

/** Each field's first message; the first message that fits no field is the form's. */
function placed(
  issues: readonly { path: IssuePath; message: string }[],
  fieldOf: (path: IssuePath) => string | undefined,
): { errors: FieldMessages; message: string | null } {
  const errors: FieldMessages = {}
  let message: string | null = null
  for (const issue of issues) {
    const key = fieldOf(issue.path)
    if (key) errors[key] ??= issue.message
    else message ??= issue.message
  }
  return { errors, message: Object.keys(errors).length > 0 ? null : message }
}

/** `body.content.promises.1.text` → ['promises', 1, 'text'] under the prefix `body.content.`. */
function serverPath(name: string, prefixes: readonly string[]): IssuePath {
  const prefix = prefixes.find((start) => name.startsWith(start)) ?? ''
  return name
    .slice(prefix.length)
    .split('.')
    .map((step) => (/^\d+$/.test(step) ? Number(step) : step))
}
