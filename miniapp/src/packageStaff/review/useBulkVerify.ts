import type { BulkVerifyResult } from '@djt/shared'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { useMutation } from '../../hooks/useMutation'
import { bulkVerifyMemberships } from '../../services/review'

/** 批量核验 mode: ticking entries, confirming, and keeping the server's answer on screen. */
export function useBulkVerify(onDone: () => void) {
  const [on, setOn] = useState(false)
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const verifying = useMutation({ failure: { dialog: '批量核验失败' } })
  const [result, setResult] = useState<BulkVerifyResult | null>(null)

  const toggle = (id: string) => {
    const next = new Set(selected)
    if (!next.delete(id)) next.add(id)
    setSelected(next)
  }
  const start = () => {
    setOn(true)
    setResult(null)
  }
  const stop = () => {
    setOn(false)
    setSelected(new Set())
  }
  const verify = async () => {
    const { confirm } = await Taro.showModal({
      title: '批量核验',
      content: `将核验所选 ${selected.size} 条登记。只有两个名录强一致的登记会通过，其余会列出原因。`,
      confirmText: '确认核验',
      cancelText: '再看看',
    })
    if (!confirm) return
    await verifying.run(async () => {
      setResult(await bulkVerifyMemberships([...selected]))
      stop()
      onDone()
    })
  }
  return {
    on,
    selected,
    busy: verifying.busy,
    result,
    toggle,
    start,
    stop,
    verify,
    dismiss: () => setResult(null),
  }
}
