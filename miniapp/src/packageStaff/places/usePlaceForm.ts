import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { useZodForm } from '../../forms/useZodForm'
import { createPlace, fetchStaffPlace, updatePlace } from '../../services/places'
import { emptyPlaceForm, placeChecks, placeFormOf } from './form-model'

/** A new place, or the one `id` names: the form, its errors, and saving it. */
export function usePlaceForm(id: string | undefined, onSaved: () => void) {
  const form = useZodForm({ ...placeChecks, initial: emptyPlaceForm() })
  const { reset, show } = form
  const [loaded, setLoaded] = useState(!id)
  const phase = !loaded ? 'loading' : form.busy ? 'saving' : 'ready'

  useEffect(() => {
    if (!id) return
    fetchStaffPlace(id).then(
      (place) => {
        reset(placeFormOf(place))
        setLoaded(true)
      },
      (error: unknown) => {
        show({}, error instanceof Error ? error.message : '加载失败')
        setLoaded(true)
      },
    )
  }, [id, reset, show])

  const save = async () => {
    if (phase !== 'ready') return
    const outcome = await form.submit(async (input) => {
      if (id) await updatePlace(id, { place: input })
      else await createPlace(input)
    })
    if (!outcome?.ok) return
    await Taro.showToast({ title: '已保存', icon: 'success' })
    onSaved()
  }

  return {
    form: form.values,
    errors: form.errors,
    problem: form.message,
    phase,
    edit: form.set,
    save,
  }
}
