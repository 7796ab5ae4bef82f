import type { Ledger } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import { type HeadlineFigure, headlineTiles } from './headline'
import type { Open } from './links'

const number = (n: number) => n.toLocaleString('en-US')

/** The desk's strip of headline figures above the sections; a tile with records opens them. */
export default function Headline({ ledger, open }: { ledger: Ledger; open: Open }) {
  return (
    <View className="ledger-strip" id="ledger-headline">
      {headlineTiles(ledger).map((tile) => {
        const onClick = tile.link ? open(tile.link) : undefined
        return (
          <View
            key={tile.key}
            id={`ledger-strip-${tile.key}`}
            className={`ledger-strip__tile ledger-strip__tile--${tile.figure.kind}${onClick ? ' ledger-strip__tile--link' : ''}`}
            hoverClass={onClick ? 'ledger-strip__tile--pressed' : 'none'}
            onClick={onClick}
          >
            <Text className="ledger-strip__title">
              {tile.title}
              {onClick ? ' ›' : ''}
            </Text>
            <Figure figure={tile.figure} />
            {tile.note && <Text className="ledger-strip__note text-secondary">{tile.note}</Text>}
          </View>
        )
      })}
    </View>
  )
}

function Figure({ figure }: { figure: HeadlineFigure }) {
  if (figure.kind === 'count')
    return <Text className="ledger-strip__value">{number(figure.count)}</Text>
  return (
    <View className="ledger-strip__split">
      <Text className="ledger-strip__part">
        <Text className="ledger-strip__tag">自报</Text>
        <Text className="ledger-strip__value">{number(figure.reported)}</Text>
      </Text>
      <Text className="ledger-strip__part">
        <Text className="ledger-strip__tag">已核验</Text>
        <Text className="ledger-strip__value">{number(figure.verified)}</Text>
      </Text>
    </View>
  )
}
