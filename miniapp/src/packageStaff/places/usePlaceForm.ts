import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { errorsFromFailure } from '../../forms/field-errors'
import { useMutation } from '../../hooks/useMutation'
import { createPlace, fetchStaffPlace, updatePlace } from '../../services/places'
import {
  checkPlaceForm,
  emptyPlaceForm,
  type PlaceField,
  type PlaceForm,
  type PlaceFormErrors,
  placeFormOf,
} from './form-model'

const SERVER_FIELDS: readonly PlaceField[] = [
  'name',
  'kind',
  'brand',
  'address',
  'regionCode',
  'location',
  'hours',
  'facilities',
  'phone',
  'operator',
  'lastCheckedOn',
  'branch',
]

/** A new place, or the one `id` names: the form, its errors, and saving it. */
export function usePlaceForm(id: string | undefined, onSaved: () => void) {
  const [form, setForm] = useState<PlaceForm>(emptyPlaceForm)
  const [errors, setErrors] = useState<PlaceFormErrors>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [loaded, setLoaded] = useState(!id)
  const saving = useMutation()
  const phase = !loaded ? 'loading' : saving.busy ? 'saving' : 'ready'

  useEffect(() => {
    if (!id) return
    fetchStaffPlace(id).then(
      (place) => {
        setForm(placeFormOf(place))
        setLoaded(true)
      },
      (error: unknown) => {
        setProblem(error instanceof Error ? error.message : '加载失败')
        setLoaded(true)
      },
    )
  }, [id])

  const edit = <K extends keyof PlaceForm>(key: K, value: PlaceForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }))

  const save = async () => {
    if (phase !== 'ready') return
    const checked = checkPlaceForm(form)
    if (!checked.ok) {
      setErrors(checked.errors)
      setProblem('请按提示修改后再保存')
      return
    }
    setErrors({})
    setProblem(null)
    const outcome = await saving.run(async () => {
      if (id) await updatePlace(id, { place: checked.input })
      else await createPlace(checked.input)
      await Taro.showToast({ title: '已保存', icon: 'success' })
      onSaved()
    })
    if (!outcome.ok && outcome.error) {
      const failure = errorsFromFailure(outcome.error, SERVER_FIELDS)
      setErrors(failure.fields)
      setProblem(failure.message ?? '请按提示修改后再保存')
    }
  }

  return { form, errors, problem, phase, edit, save }
}
