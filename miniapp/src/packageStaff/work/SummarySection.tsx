import { Text, View } from '@tarojs/components'
import { useCallback } from 'react'
import { PageNotice } from '../../components/StaffOnly'
import { useRemote } from '../../hooks/useRemote'
import { fetchWorkSummary } from '../../services/work'
import { liaisonProgress } from './work-model'

/** The year's progress of my jurisdiction (or `scope`, a region of it) against the targets. */
export default function SummarySection({ year, scope }: { year: number; scope?: string }) {
  const load = useCallback(() => fetchWorkSummary(year, scope), [year, scope])
  const { state, reload } = useRemote(load)
  if (state.phase === 'failed') return <PageNotice text={state.error.message} onRetry={reload} />
  if (state.phase === 'loading') return null
  const { region, training, liaison, guidanceStations, committees } = state.value.total
  return (
    <View className="card">
      <Text className="card__title">
        {region.name}
        {year}年进度
      </Text>
      <Text className="work__line">
        培训班{training.sessions}期、{training.peopleTrained}人；达标区县
        {training.countiesMeetingTarget}/{training.counties}
      </Text>
      <Text className="work__line">{liaisonProgress(liaison)}</Text>
      <Text className="work__line">党建工作指导站{guidanceStations}个</Text>
      <Text className="work__line">
        已成立小个专党委：设区市{committees.citiesSetUp}/{committees.cities}，区县
        {committees.countiesSetUp}/{committees.counties}
      </Text>
    </View>
  )
}
