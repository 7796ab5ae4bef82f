import { chinaToday, PartyCommitteeRequest } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import DateField from '../../components/DateField'
import { PageNotice } from '../../components/StaffOnly'
import SwitchField from '../../components/SwitchField'
import TextField from '../../components/TextField'
import { useZodForm } from '../../forms/useZodForm'
import { useRemote } from '../../hooks/useRemote'
import { fetchPartyCommittee, type PartyCommittee, savePartyCommittee } from '../../services/work'

/** Whether my city or county has set up its 小个专党委: recorded by its own staff. */
export default function CommitteeSection({ regionCode }: { regionCode: string }) {
  const load = useCallback(() => fetchPartyCommittee(regionCode), [regionCode])
  const { state, reload } = useRemote(load)
  return (
    <View className="card">
      <Text className="card__title">小个专党委</Text>
      {state.phase === 'loading' && <Text className="text-secondary">正在加载…</Text>}
      {state.phase === 'failed' && <PageNotice text={state.error.message} onRetry={reload} />}
      {state.phase === 'loaded' && <CommitteeForm committee={state.value} />}
    </View>
  )
}

function CommitteeForm({ committee }: { committee: PartyCommittee }) {
  const form = useZodForm({
    schema: PartyCommitteeRequest,
    initial: {
      setUp: committee.setUp,
      setUpOn: committee.setUpOn ?? '',
      name: committee.name ?? '',
    },
    toInput: ({ setUp, setUpOn, name }) =>
      setUp ? { setUp, setUpOn: setUpOn || undefined, name } : { setUp },
  })
  const { values, errors } = form
  const setUp = values.setUp
  const save = async () => {
    const sent = await form.submit((body) => savePartyCommittee(committee.regionCode, body))
    if (sent?.ok) await Taro.showToast({ title: '已保存', icon: 'success' })
  }
  return (
    <View>
      <SwitchField
        label={`${committee.regionName}已成立小个专党委`}
        value={setUp}
        error={errors.setUp}
        onChange={(value) => form.set('setUp', value)}
      />
      {setUp && (
        <DateField
          label="成立日期"
          start="2000-01-01"
          end={chinaToday()}
          value={values.setUpOn}
          error={errors.setUpOn}
          onChange={(value) => form.set('setUpOn', value)}
        />
      )}
      {setUp && (
        <TextField
          label="党委名称"
          placeholder="如：鼓楼区小个专党委"
          value={values.name}
          error={errors.name}
          onChange={(value) => form.set('name', value)}
        />
      )}
      {form.message && <Text className="work__error">{form.message}</Text>}
      <Button
        className="btn btn--primary"
        hoverClass="btn--pressed"
        disabled={form.busy || undefined}
        onClick={save}
      >
        保存
      </Button>
    </View>
  )
}
