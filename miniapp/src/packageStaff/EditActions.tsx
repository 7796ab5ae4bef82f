import { Button, View } from '@tarojs/components'
import './edit-actions.scss'

interface Props {
  busy: boolean
  onEdit: () => void
  /** What the status button does now: 暂停 or 恢复开放, 关闭站点 or 恢复运营. */
  status: string
  onStatus: () => void
}

/** 修改 and a status switch: under a staff card on a phone, at a table row's end at the desk. */
export default function EditActions({ busy, onEdit, status, onStatus }: Props) {
  return (
    <View className="edit-actions">
      <Button className="btn edit-actions__button" hoverClass="btn--pressed" onClick={onEdit}>
        修改
      </Button>
      <Button
        className="btn edit-actions__button"
        hoverClass="btn--pressed"
        disabled={busy || undefined}
        onClick={onStatus}
      >
        {status}
      </Button>
    </View>
  )
}
