import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { useRegionName } from '../../hooks/useRegionName'
import FieldFrame from '../FieldFrame'
import RegionSheet from './RegionSheet'

interface Props {
  label: string
  /** A GB/T 2260 code, or '' when none is chosen. */
  value: string
  onChange: (code: string) => void
  id?: string | undefined
  error?: string | undefined
}

/** A county, chosen city by city; works without location access. */
export default function RegionField({ label, value, onChange, id, error }: Props) {
  const [open, setOpen] = useState(false)
  const name = useRegionName(value)
  return (
    <FieldFrame label={label} id={id} error={error}>
      <View className="field-frame__box" hoverClass="btn--pressed" onClick={() => setOpen(true)}>
        <Text className={value ? '' : 'field-frame__placeholder'}>
          {value ? name : '请选择区县'}
        </Text>
        <Text className="field-frame__placeholder">›</Text>
      </View>
      {open && (
        <RegionSheet
          title={label}
          onClose={() => setOpen(false)}
          onPick={(code) => {
            setOpen(false)
            onChange(code)
          }}
        />
      )}
    </FieldFrame>
  )
}
