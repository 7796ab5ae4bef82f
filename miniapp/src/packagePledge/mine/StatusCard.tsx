import { type MyPledge, pledgeVersionStateNames, publicStatusNames } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { publicStatusTones } from '../../pledge/labels'
import { pledgePages, publicPledgeUrl } from '../../routes'
import { confirmAndWithdraw } from './actions'
import { downloadPlaque, PLAQUE_TEST_ADDRESS } from './plaque-download'

interface Props {
  pledge: MyPledge
  onChanged: () => void
}

/** The public status in big type, what the newest version waits for, and what I can do. */
export default function StatusCard({ pledge, onChanged }: Props) {
  const latest = pledge.versions[0]
  const tone = publicStatusTones[pledge.publicStatus]
  const showsLatest = latest && latest.id !== pledge.current?.id
  const printable = pledge.publicStatus === 'valid' && pledge.code
  return (
    <View className="card my-pledge__status">
      <Text className="text-secondary">扫码公示状态</Text>
      <Text className={`my-pledge__big my-pledge__big--${tone}`}>
        {publicStatusNames[pledge.publicStatus]}
      </Text>
      {pledge.code && (
        <Text className="my-pledge__code">
          承诺牌编码：<Text className="my-pledge__code-value">{pledge.code}</Text>
        </Text>
      )}
      {pledge.status === 'suspended' && (
        <Text className="my-pledge__warn">
          已被暂停公示：{pledge.suspendedReason ?? '群众举报经核查属实'}
        </Text>
      )}
      {showsLatest && (
        <View className={`my-pledge__latest my-pledge__latest--${latest.state}`}>
          <Text className="my-pledge__latest-title">
            第 {latest.number} 版：{pledgeVersionStateNames[latest.state]}
          </Text>
          {latest.state === 'pending' && pledge.current && (
            <Text className="my-pledge__latest-line">审核通过前，顾客看到的仍是已公示的版本。</Text>
          )}
          {latest.comment && (
            <Text className="my-pledge__latest-line">审核意见：{latest.comment}</Text>
          )}
        </View>
      )}
      {printable && pledge.plaqueWarning && (
        <Text className="my-pledge__warn">{PLAQUE_TEST_ADDRESS}</Text>
      )}
      <Actions pledge={pledge} printable={Boolean(printable)} onChanged={onChanged} />
    </View>
  )
}

function Actions({ pledge, printable, onChanged }: Props & { printable: boolean }) {
  const go = (url: string) => () => Taro.navigateTo({ url })
  const withdraw = async () => {
    if (await confirmAndWithdraw()) onChanged()
  }
  return (
    <View>
      <Button className="btn btn--primary" hoverClass="btn--pressed" onClick={go(pledgePages.edit)}>
        修改承诺
      </Button>
      {printable && (
        <Button
          className="btn"
          hoverClass="btn--pressed"
          onClick={() => void downloadPlaque('png')}
        >
          下载承诺牌
        </Button>
      )}
      {printable && (
        <Button
          className="btn"
          hoverClass="btn--pressed"
          onClick={() => void downloadPlaque('pdf')}
        >
          下载承诺牌（PDF，打印用）
        </Button>
      )}
      {pledge.code && (
        <Button
          className="btn"
          hoverClass="btn--pressed"
          onClick={go(publicPledgeUrl(pledge.code))}
        >
          查看公开页
        </Button>
      )}
      {pledge.status !== 'withdrawn' && (
        <Button className="btn my-pledge__withdraw" hoverClass="btn--pressed" onClick={withdraw}>
          撤回承诺
        </Button>
      )}
    </View>
  )
}
