import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { errorsFromFailure } from '../../forms/field-errors'
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
  const [phase, setPhase] = useState<'loading' | 'ready' | 'saving'>(id ? 'loading' : 'ready')

  useEffect(() => {
    if (!id) return
    fetchStaffPlace(id).then(
      (place) => {
        setForm(placeFormOf(place))
        setPhase('ready')
      },
      (error: unknown) => {
        setProblem(error instanceof Error ? error.message : '加载失败')
        setPhase('ready')
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
    setPhase('saving')
    try {
      if (id) await updatePlace(id, { place: checked.input })
      else await createPlace(checked.input)
      await Taro.showToast({ title: '已保存', icon: 'success' })
      onSaved()
    } catch (error) {
      const failure = errorsFromFailure(error, SERVER_FIELDS)
      setErrors(failure.fields)
      setProblem(failure.message ?? '请按提示修改后再保存')
    } finally {
      setPhase('ready')
    }
  }

  return { form, errors, problem, phase, edit, save }
}
