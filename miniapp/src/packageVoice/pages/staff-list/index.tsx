import {
  chinaDateTime,
  DifficultyCategory,
  DifficultyState,
  difficultyCategoryNames,
  difficultyOutcomeNames,
  type StaffDifficulty,
  StaffDifficultyQuery,
} from '@djt/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useReachBottom, useRouter } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { withPageFrame } from '../../../components/PageFrame'
import RegionScope, { useRouteRegion } from '../../../components/RegionScope'
import StaffOnly from '../../../components/StaffOnly'
import Tabs from '../../../components/Tabs'
import DeskSplit from '../../../desk/DeskSplit'
import DeskTable from '../../../desk/DeskTable'
import type { DeskColumn } from '../../../desk/table'
import { useDeskLayout } from '../../../desk/useDeskLayout'
import { usePagedList } from '../../../hooks/usePagedList'
import { voicePages } from '../../../routes'
import { fetchStaffDifficulties } from '../../../services/difficulties'
import StaffDifficultyPanel from '../../voice/StaffDifficultyPanel'
import { headline, placeText, stateText } from '../../voice/summary'
import '../../voice/voice.scss'

const tabs = [
  { key: 'open' as const, label: '办理中' },
  { key: 'closed' as const, label: '已办结' },
  { key: 'all' as const, label: '全部' },
]
type Shown = (typeof tabs)[number]['key']

/**
 * What the URL narrows the list to (a hot-spot figure's link): the state, a category, a
 * spot (`near`, its name in `place`); a value the list does not know is dropped.
 */
function urlFilters(params: Partial<Record<string, string>>) {
  const query = StaffDifficultyQuery.shape
  const near = query.near.safeParse(params.near).data
  const year = query.year.safeParse(params.year).data
  const answered = query.answered.safeParse(params.answered).data
  const outcome = query.outcome.safeParse(params.outcome).data
  // A figure counts open and closed alike: its list shows both unless it names a state.
  const counted = near || year !== undefined || answered || outcome || params.state === 'all'
  const state = DifficultyState.safeParse(params.state).data
  return {
    state: state ?? (counted ? ('all' as const) : ('open' as const)),
    category: DifficultyCategory.safeParse(params.category).data,
    near,
    place: near ? decodeURIComponent(params.place ?? '') : '',
    year,
    answered,
    outcome,
  }
}

/** 骑手诉求: my jurisdiction's difficulties, oldest first, to answer, forward or close. */
function StaffDifficultiesPage() {
  return (
    <StaffOnly>
      <StaffDifficulties />
    </StaffOnly>
  )
}

function StaffDifficulties() {
  const region = useRouteRegion()
  const { params } = useRouter()
  const [fromUrl] = useState(() => urlFilters(params))
  const [state, setState] = useState<Shown>(fromUrl.state)
  const [narrowed, setNarrowed] = useState(fromUrl)
  const { category, near, year, answered, outcome } = narrowed
  const loader = useCallback(
    async (after?: string) => {
      const page = await fetchStaffDifficulties(after, {
        region,
        state: state === 'all' ? undefined : state,
        category,
        near,
        year,
        answered,
        outcome,
      })
      return { items: page.items, next: page.next, about: page.total }
    },
    [region, state, category, near, year, answered, outcome],
  )
  const narrowedBy = [
    narrowed.place && `${narrowed.place}周边200米`,
    category && difficultyCategoryNames[category],
    year !== undefined && `${year}年提出`,
    answered && '7日内答复',
    outcome && difficultyOutcomeNames[outcome],
  ].filter(Boolean)
  const { list, reload, loadMore } = usePagedList<StaffDifficulty, number>(loader)
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) reload()
    shown.current = true
  })
  useReachBottom(loadMore)
  // At the desk the difficulty opens beside the list; on a phone, as its own page.
  const desk = useDeskLayout()
  const [chosen, setChosen] = useState<StaffDifficulty | null>(null)
  const open = (difficulty: StaffDifficulty) =>
    desk
      ? setChosen(difficulty)
      : Taro.navigateTo({
          url: `${voicePages.staffDetail}?id=${encodeURIComponent(difficulty.id)}`,
        })
  return (
    <View className="page voice">
      <RegionScope region={region} />
      {narrowedBy.length > 0 && (
        <View className="card voice-filter">
          <Text className="voice-filter__text">{narrowedBy.join(' · ')}</Text>
          <Text
            className="voice-filter__clear"
            onClick={() =>
              setNarrowed({
                ...narrowed,
                category: undefined,
                near: undefined,
                place: '',
                year: undefined,
                answered: undefined,
                outcome: undefined,
              })
            }
          >
            清除筛选
          </Text>
        </View>
      )}
      <Tabs
        tabs={tabs}
        current={state}
        onChange={(next) => {
          setChosen(null)
          setState(next)
        }}
      />
      <DeskSplit
        title="诉求详情"
        detail={
          desk && chosen ? (
            <StaffDifficultyPanel key={chosen.id} id={chosen.id} onChanged={reload} />
          ) : null
        }
        onClose={() => setChosen(null)}
      >
        <DeskTable
          caption={captions[state]}
          list={list}
          total={list.about ?? null}
          columns={columns}
          keyOf={(difficulty) => difficulty.id}
          empty="没有这一类的诉求。"
          onMore={loadMore}
          onRetry={reload}
          onOpen={open}
          shownBeside={chosen?.id ?? null}
          card={(difficulty) => (
            <View className="card voice-card" onClick={() => open(difficulty)}>
              <Text className="voice-card__title">{headline(difficulty)}</Text>
              <Text className="voice-card__line">{difficulty.text}</Text>
              <Text className="voice-card__line text-secondary">
                {chinaDateTime(difficulty.createdAt)} · {stateText(difficulty)}
              </Text>
            </View>
          )}
        />
      </DeskSplit>
    </View>
  )
}

const captions: Record<Shown, string> = {
  open: '办理中的诉求',
  closed: '已办结的诉求',
  all: '诉求',
}

const columns: DeskColumn<StaffDifficulty>[] = [
  {
    key: 'category',
    title: '类别',
    value: (d) => difficultyCategoryNames[d.category],
    filter: 'choice',
    width: '7em',
  },
  { key: 'text', title: '内容', value: (d) => d.text, filter: 'text' },
  {
    key: 'place',
    title: '地点',
    value: (d) => placeText(d) ?? '',
    filter: 'text',
    secondary: true,
  },
  { key: 'region', title: '区县', value: (d) => d.regionName, filter: 'choice', width: '7em' },
  {
    key: 'at',
    title: '提交时间',
    value: (d) => d.createdAt,
    render: (d) => chinaDateTime(d.createdAt),
    sortable: true,
    width: '10em',
  },
  { key: 'meToo', title: '也遇到', value: (d) => d.meToo, sortable: true, width: '5em' },
  { key: 'state', title: '状态', value: stateText, width: '9em' },
]

export default withPageFrame(StaffDifficultiesPage)
