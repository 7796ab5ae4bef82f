import {
  chinaToday,
  LiaisonPairRequest,
  type OrganisationKind,
  organisationKindNames,
} from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import DateField from '../../components/DateField'
import SelectField from '../../components/SelectField'
import { PageNotice } from '../../components/StaffOnly'
import TextField from '../../components/TextField'
import { useZodForm } from '../../forms/useZodForm'
import { useRemote } from '../../hooks/useRemote'
import { addLiaisonPair, fetchLiaisonPairs, type LiaisonPair } from '../../services/work'
import VisitForm from './VisitForm'

const kindOptions = Object.entries(organisationKindNames).map(([value, label]) => ({
  value,
  label,
}))

/** 挂钩联系: running pairs with their visits; anyone records a visit, counties add pairs. */
export default function LiaisonSection({
  canWrite,
  region,
}: {
  canWrite: boolean
  region?: string
}) {
  const load = useCallback(() => fetchLiaisonPairs(region), [region])
  const { state, reload } = useRemote(load)
  const [visiting, setVisiting] = useState<string | null>(null)
  return (
    <View className="card">
      <Text className="card__title">挂钩联系</Text>
      {state.phase === 'loading' && <Text className="text-secondary">正在加载…</Text>}
      {state.phase === 'failed' && <PageNotice text={state.error.message} onRetry={reload} />}
      {state.phase === 'loaded' && state.value.length === 0 && (
        <Text className="work__line text-secondary">
          尚未登记挂钩联系（每位联系人至少联系1家）。
        </Text>
      )}
      {state.phase === 'loaded' &&
        state.value.map((pair) => (
          <View key={pair.id} className="work__item">
            <Text className="work__name">
              {pair.liaisonName} → {pair.organisationName}
            </Text>
            <Text className="work__line text-secondary">{pairLine(pair)}</Text>
            {visiting === pair.id ? (
              <VisitForm
                pairId={pair.id}
                startedOn={pair.startedOn}
                onDone={() => {
                  setVisiting(null)
                  reload()
                }}
              />
            ) : (
              <Text className="work__link" onClick={() => setVisiting(pair.id)}>
                记录走访
              </Text>
            )}
          </View>
        ))}
      {canWrite && <PairForm onAdded={reload} />}
    </View>
  )
}

function pairLine(pair: LiaisonPair): string {
  const last = pair.visits[0]
  const visits = last ? `走访${pair.visits.length}次，最近${last.visitedOn}` : '尚未走访'
  return `${organisationKindNames[pair.organisationKind]} · 自${pair.startedOn}起 · ${visits}`
}

function PairForm({ onAdded }: { onAdded: () => void }) {
  const form = useZodForm({
    schema: LiaisonPairRequest,
    initial: {
      liaisonName: '',
      organisationName: '',
      organisationKind: '' as OrganisationKind | '',
      startedOn: '',
    },
    toInput: (values) => ({ ...values, organisationKind: values.organisationKind || undefined }),
  })
  const { values, errors } = form
  const save = async () => {
    if (!(await form.submit(addLiaisonPair))?.ok) return
    form.reset({ ...values, organisationName: '' })
    onAdded()
  }
  return (
    <View className="work__form">
      <TextField
        label="挂钩联系人"
        placeholder="姓名"
        value={values.liaisonName}
        error={errors.liaisonName}
        onChange={(value) => form.set('liaisonName', value)}
      />
      <TextField
        label="联系对象"
        placeholder="市场、平台网点或企业名称"
        value={values.organisationName}
        error={errors.organisationName}
        onChange={(value) => form.set('organisationName', value)}
      />
      <SelectField
        label="联系对象类型"
        options={kindOptions}
        value={values.organisationKind}
        error={errors.organisationKind}
        onChange={(value) => form.set('organisationKind', value as OrganisationKind)}
      />
      <DateField
        label="开始联系日期"
        start="2020-01-01"
        end={chinaToday()}
        value={values.startedOn}
        error={errors.startedOn}
        onChange={(value) => form.set('startedOn', value)}
      />
      {form.message && <Text className="work__error">{form.message}</Text>}
      <Button
        className="btn btn--primary"
        hoverClass="btn--pressed"
        disabled={form.busy || undefined}
        onClick={save}
      >
        添加挂钩联系
      </Button>
    </View>
  )
}
