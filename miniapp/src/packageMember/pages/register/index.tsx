import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ReactNode } from 'react'
import { useCurrentUser } from '../../../hooks/useSession'
import { mainPages, memberPages } from '../../../routes'
import KindChooser from '../../register/KindChooser'
import RegisterForm from '../../register/RegisterForm'
import { useRegisterForm } from '../../register/useRegisterForm'
import './index.scss'
import { withPageFrame } from '../../../components/PageFrame'

/** 党员登记: choose rider, operator or market opener, then fill in and submit that form. */
function RegisterPage() {
  const user = useCurrentUser()
  const member = user?.role === 'user' ? user : null
  const form = useRegisterForm(member?.id)
  const { state } = form

  if (!member) {
    return (
      <Notice text="请先登录后再登记。">
        <Button className="btn btn--primary" onClick={() => Taro.switchTab({ url: mainPages.me })}>
          去登录
        </Button>
      </Notice>
    )
  }
  if (state.phase === 'loading') return <Notice text="正在加载…" />
  if (state.mine?.state === 'verified') {
    return (
      <Notice text="你的党员登记已核验，不能在此修改。如需更正，请联系所在地市场监管所。">
        <Button className="btn" onClick={() => Taro.redirectTo({ url: memberPages.status })}>
          查看登记状态
        </Button>
      </Notice>
    )
  }
  return (
    <View className="page register">
      {state.draft ? (
        <RegisterForm
          user={member}
          form={form}
          onSubmitted={() => Taro.redirectTo({ url: memberPages.status })}
        />
      ) : (
        <KindChooser onChoose={form.chooseKind} />
      )}
    </View>
  )
}

function Notice({ text, children }: { text: string; children?: ReactNode }) {
  return (
    <View className="page register">
      <View className="card">
        <Text className="text-secondary">{text}</Text>
        {children}
      </View>
    </View>
  )
}

export default withPageFrame(RegisterPage)
