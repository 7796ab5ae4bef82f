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
import TextField from '../../components/TextField'
import DeskTable from '../../desk/DeskTable'
import type { DeskColumn } from '../../desk/table'
import { useDeskLayout } from '../../desk/useDeskLayout'
import { useZodForm } from '../../forms/useZodForm'
import { wholeList } from '../../hooks/usePagedList'
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
  // A phone records the visit inside the pair's card; the desk under the table.
  const desk = useDeskLayout()
  const visitForm = (pair: LiaisonPair) => (
    <VisitForm
      key={pair.id}
      pairId={pair.id}
      startedOn={pair.startedOn}
      onDone={() => {
        setVisiting(null)
        reload()
      }}
    />
  )
  const visitLink = (pair: LiaisonPair) => (
    <Text className="work__link" onClick={() => setVisiting(pair.id)}>
      记录走访
    </Text>
  )
  const pairs = state.phase === 'loaded' ? state.value : []
  const deskVisit = desk ? pairs.find((pair) => pair.id === visiting) : undefined
  return (
    <View className="card">
      <Text className="card__title">挂钩联系</Text>
      <DeskTable
        caption="挂钩联系"
        list={wholeList(state)}
        total={state.phase === 'loaded' ? pairs.length : null}
        columns={pairColumns}
        keyOf={(pair) => pair.id}
        empty="尚未登记挂钩联系（每位联系人至少联系1家）。"
        onMore={reload}
        onRetry={reload}
        actions={visitLink}
        card={(pair) => (
          <View className="work__item">
            <Text className="work__name">
              {pair.liaisonName} → {pair.organisationName}
            </Text>
            <Text className="work__line text-secondary">{pairLine(pair)}</Text>
            {visiting === pair.id ? visitForm(pair) : visitLink(pair)}
          </View>
        )}
      />
      {deskVisit && (
        <View className="work__item">
          <Text className="work__name">
            记录走访：{deskVisit.liaisonName} → {deskVisit.organisationName}
          </Text>
          {visitForm(deskVisit)}
        </View>
      )}
      {canWrite && <PairForm onAdded={reload} />}
    </View>
  )
}

const pairColumns: DeskColumn<LiaisonPair>[] = [
  {
    key: 'liaison',
    title: '挂钩联系人',
    value: (pair) => pair.liaisonName,
    sortable: true,
    filter: 'choice',
  },
  {
    key: 'organisation',
    title: '联系对象',
    value: (pair) => pair.organisationName,
    sortable: true,
    filter: 'text',
  },
  {
    key: 'kind',
    title: '类型',
    value: (pair) => organisationKindNames[pair.organisationKind],
    filter: 'choice',
    width: '8em',
  },
  {
    key: 'started',
    title: '开始联系',
    value: (pair) => pair.startedOn,
    sortable: true,
    width: '8em',
  },
  {
    key: 'visits',
    title: '走访次数',
    value: (pair) => pair.visits.length,
    render: (pair) => `${pair.visits.length} 次`,
    sortable: true,
    width: '6em',
  },
  {
    key: 'last',
    title: '最近走访',
    value: (pair) => pair.visits[0]?.visitedOn ?? '尚未走访',
    sortable: true,
    width: '8em',
  },
]

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
