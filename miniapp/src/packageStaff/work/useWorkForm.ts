import { useState } from 'react'
import type { z } from 'zod'
import { errorsFromFailure, errorsFromIssues, type FormErrors } from '../../forms/field-errors'

/** Checks a form with the shared schema, then sends it; errors land on their fields. */
export function useWorkForm<K extends string, T>(schema: z.ZodType<T>, keys: readonly K[]) {
  const [errors, setErrors] = useState<FormErrors<K>>({ fields: {}, message: null })
  const [busy, setBusy] = useState(false)
  const submit = async (input: unknown, send: (value: T) => Promise<unknown>) => {
    const parsed = schema.safeParse(input, { jitless: true })
    if (!parsed.success) {
      setErrors(errorsFromIssues(parsed.error, keys))
      return false
    }
    setBusy(true)
    try {
      await send(parsed.data)
      setErrors({ fields: {}, message: null })
      return true
    } catch (error) {
      setErrors(errorsFromFailure(error, keys))
      return false
    } finally {
      setBusy(false)
    }
  }
  return { errors, busy, submit }
}
