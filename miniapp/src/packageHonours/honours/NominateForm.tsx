import { chinaYear, NominateHonourRequest } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import SelectField from '../../components/SelectField'
import TextAreaField from '../../components/TextAreaField'
import TextField from '../../components/TextField'
import { useZodForm } from '../../forms/useZodForm'
import { useMutation } from '../../hooks/useMutation'
import {
  findHonourRiders,
  type HonourRider,
  nominateHonour,
  type StaffHonour,
} from '../../services/honours'
import {
  emptyNominateDraft,
  nominateFieldOf,
  nominateInputOf,
  riderLine,
  yearOptions,
} from './form-model'

/**
 * A nomination: a verified member rider of the jurisdiction found by name, the year (this
 * one or the last, China time) and the citation, checked with the shared schema.
 */
export default function NominateForm({ onNominated }: { onNominated: (h: StaffHonour) => void }) {
  const thisYear = chinaYear()
  const form = useZodForm({
    schema: NominateHonourRequest,
    initial: emptyNominateDraft(thisYear),
    toInput: nominateInputOf,
    fieldOf: nominateFieldOf,
    say: (field, message, values) =>
      field === 'membershipId' && !values.membershipId ? '请先查找并选择骑手' : message,
  })
  const [name, setName] = useState('')
  const [found, setFound] = useState<HonourRider[] | null>(null)
  const [chosen, setChosen] = useState<HonourRider | null>(null)
  const searching = useMutation({ failure: { dialog: '查找失败' } })
  const search = async () => {
    const outcome = await searching.run(() => findHonourRiders(name.trim()))
    if (outcome.ok) setFound(outcome.value)
  }
  const choose = (rider: HonourRider) => {
    setChosen(rider)
    form.set('membershipId', rider.membershipId)
    form.set('cityCode', rider.cityCode)
  }
  const send = async () => {
    const outcome = await form.submit((value) => nominateHonour(value))
    if (outcome?.ok) onNominated(outcome.value)
  }
  return (
    <View className="card honour-form">
      <TextField
        label="骑手姓名"
        placeholder="输入姓名查找本辖区已核验的党员骑手"
        maxlength={20}
        value={name}
        onChange={setName}
        onConfirm={() => void search()}
      />
      <Button
        className="btn"
        hoverClass="btn--pressed"
        disabled={searching.busy || undefined}
        onClick={() => void search()}
      >
        查找骑手
      </Button>
      {found?.length === 0 && (
        <Text className="honour-form__rider text-secondary">
          没有找到，只能推荐本辖区已核验的党员骑手。
        </Text>
      )}
      {found
        ?.filter((rider) => rider.membershipId !== chosen?.membershipId)
        .map((rider) => (
          <Button
            key={rider.membershipId}
            className="btn honour-form__rider"
            hoverClass="btn--pressed"
            onClick={() => choose(rider)}
          >
            {`选择：${riderLine(rider)}`}
          </Button>
        ))}
      <Text id="honour-membershipId" className="honour-form__rider">
        {chosen ? `已选择：${riderLine(chosen)}` : '尚未选择骑手'}
      </Text>
      {form.errors.membershipId && (
        <Text className="honour-form__error">{form.errors.membershipId}</Text>
      )}
      <SelectField
        id="honour-year"
        label="评选年度"
        options={yearOptions(thisYear)}
        value={form.values.year}
        error={form.errors.year}
        onChange={(value) => form.set('year', value)}
      />
      <TextAreaField
        label="推荐事迹"
        placeholder="如：暴雨天坚持送餐，路遇老人摔倒及时送医（会在最美骑手榜上公开）"
        maxlength={500}
        value={form.values.citation}
        error={form.errors.citation}
        onChange={(value) => form.set('citation', value)}
      />
      {form.message && <Text className="honour-form__error">{form.message}</Text>}
      <Button
        className="btn btn--primary"
        hoverClass="btn--pressed"
        disabled={form.busy || undefined}
        onClick={send}
      >
        推荐
      </Button>
    </View>
  )
}
