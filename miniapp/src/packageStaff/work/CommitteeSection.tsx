import { chinaToday, PartyCommitteeRequest } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import DateField from '../../components/DateField'
import { PageNotice } from '../../components/StaffOnly'
import SwitchField from '../../components/SwitchField'
import TextField from '../../components/TextField'
import { useRemote } from '../../hooks/useRemote'
import { fetchPartyCommittee, type PartyCommittee, savePartyCommittee } from '../../services/work'
import { useWorkForm } from './useWorkForm'

const keys = ['setUp', 'setUpOn', 'name'] as const

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
  const [setUp, setSetUp] = useState(committee.setUp)
  const [setUpOn, setSetUpOn] = useState(committee.setUpOn ?? '')
  const [name, setName] = useState(committee.name ?? '')
  const { errors, busy, submit } = useWorkForm(PartyCommitteeRequest, keys)
  const save = async () => {
    const input = setUp ? { setUp, setUpOn: setUpOn || undefined, name } : { setUp }
    const sent = await submit(input, (body) => savePartyCommittee(committee.regionCode, body))
    if (sent) await Taro.showToast({ title: '已保存', icon: 'success' })
  }
  return (
    <View>
      <SwitchField
        label={`${committee.regionName}已成立小个专党委`}
        value={setUp}
        error={errors.fields.setUp}
        onChange={setSetUp}
      />
      {setUp && (
        <DateField
          label="成立日期"
          start="2000-01-01"
          end={chinaToday()}
          value={setUpOn}
          error={errors.fields.setUpOn}
          onChange={setSetUpOn}
        />
      )}
      {setUp && (
        <TextField
          label="党委名称"
          placeholder="如：鼓楼区小个专党委"
          value={name}
          error={errors.fields.name}
          onChange={setName}
        />
      )}
      {errors.message && <Text className="work__error">{errors.message}</Text>}
      <Button
        className="btn btn--primary"
        hoverClass="btn--pressed"
        disabled={busy || undefined}
        onClick={save}
      >
        保存
      </Button>
    </View>
  )
}
