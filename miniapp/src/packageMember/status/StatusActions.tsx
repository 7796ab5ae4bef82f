import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useMutation } from '../../hooks/useMutation'
import { editableStates } from '../../membership/labels'
import { memberPages } from '../../routes'
import { type MyMembership, withdrawMembership } from '../../services/memberships'
import { colours } from '../../styles/tokens'

/** 修改 while the entry can change, 重新登记 after it ended, 撤回 (confirmed first). */
export default function StatusActions({
  mine,
  onChanged,
}: {
  mine: MyMembership
  onChanged: () => void
}) {
  const withdrawing = useMutation({ failure: { dialog: '撤回失败' } })
  const edit = () => Taro.navigateTo({ url: memberPages.register })
  const withdraw = async () => {
    const { confirm } = await Taro.showModal({
      title: '撤回登记',
      content: '撤回后工作人员将不再核验这条登记，你可以之后重新登记。确定撤回吗？',
      confirmText: '确定撤回',
      confirmColor: colours.partyRed,
      cancelText: '不撤回',
    })
    if (!confirm) return
    const outcome = await withdrawing.run(withdrawMembership)
    if (outcome.ok) onChanged()
  }
  const editable = editableStates.includes(mine.state)
  const restartable = mine.state === 'withdrawn' || mine.state === 'revoked'
  return (
    <View className="status__actions">
      {(editable || restartable) && (
        <Button className="btn btn--primary" hoverClass="btn--pressed" onClick={edit}>
          {restartable ? '重新登记' : mine.state === 'needs_info' ? '补充并重新提交' : '修改'}
        </Button>
      )}
      {mine.state !== 'withdrawn' && (
        <Button
          className="btn"
          hoverClass="btn--pressed"
          disabled={withdrawing.busy || undefined}
          onClick={withdraw}
        >
          撤回
        </Button>
      )}
    </View>
  )
}
