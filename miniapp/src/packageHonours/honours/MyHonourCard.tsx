import { type HonourNameShown, honourNameShownNames } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import { honourTitle } from '../../honours/summary'
import type { Honour } from '../../services/honours'
import { myHonourState, nominatedOn } from './summary'

interface Props {
  honour: Honour
  busy: boolean
  onAccept: (nameShown: HonourNameShown) => void
  onDecline: () => void
}

const choices: HonourNameShown[] = ['full', 'surname']

/**
 * One of the rider's honours with their choice: shown on the public list (under the full
 * name or surname + 师傅) or not; consent once given can be withdrawn, and given again.
 */
export default function MyHonourCard({ honour, busy, onAccept, onDecline }: Props) {
  const open = honour.state !== 'revoked'
  return (
    <View className="card honour-card">
      <Text className="honour-card__title">{honourTitle(honour)}</Text>
      <Text className="honour-card__line">{myHonourState(honour)}</Text>
      <Text className="honour-card__citation">{honour.citation}</Text>
      <Text className="honour-card__line text-secondary">{nominatedOn(honour)}</Text>
      {open && (
        <View className="honour-card__actions">
          {choices
            .filter((choice) => honour.state !== 'accepted' || honour.nameShown !== choice)
            .map((choice) => (
              <Button
                key={choice}
                className={`btn${honour.state === 'accepted' ? '' : ' btn--primary'}`}
                hoverClass="btn--pressed"
                disabled={busy || undefined}
                onClick={() => onAccept(choice)}
              >
                {`${honour.state === 'accepted' ? '改为' : '同意公开：'}${honourNameShownNames[choice]}`}
              </Button>
            ))}
          {honour.state !== 'declined' && (
            <Button
              className="btn"
              hoverClass="btn--pressed"
              disabled={busy || undefined}
              onClick={onDecline}
            >
              {honour.state === 'accepted' ? '撤回公开' : '不公开'}
            </Button>
          )}
        </View>
      )}
    </View>
  )
}
