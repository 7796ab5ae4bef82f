import {
  chinaDateTime,
  type Difficulty,
  type DifficultyEvent,
  difficultyCategoryNames,
  difficultyOutcomeNames,
} from '@djt/shared'

export function stateText(difficulty: Difficulty): string {
  if (difficulty.state === 'open')
    return difficulty.events.some((e) => e.kind === 'reply') ? '已答复，办理中' : '待答复'
  return difficulty.outcome ? `已办结：${difficultyOutcomeNames[difficulty.outcome]}` : '已办结'
}

export function headline(difficulty: Difficulty): string {
  const meToo = difficulty.meToo > 0 ? ` · ${difficulty.meToo}人也遇到` : ''
  return `${difficultyCategoryNames[difficulty.category]} · ${difficulty.regionName}${meToo}`
}

export function placeText(difficulty: Difficulty): string | null {
  if (!difficulty.place) return null
  return [difficulty.place.name, difficulty.place.address].filter(Boolean).join(' · ')
}

/** One line of the conversation as the rider reads it. */
export function eventText(event: DifficultyEvent): string {
  const at = chinaDateTime(event.at)
  switch (event.kind) {
    case 'raised':
      return `${at} 提交`
    case 'reply':
      return `${at} 答复：${event.text ?? ''}`
    case 'forward':
      return `${at} 转${event.regionName ?? '其他区县'}办理：${event.text ?? ''}`
    case 'close':
      return `${at} 办结${event.text ? `：${event.text}` : ''}`
    case 'feedback':
      return `${at} 评价：${event.text ?? ''}`
  }
}
