import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'

/** WeChat's call sheet for the number (a browser opens tel:); a refusal needs no word. */
export function callPhone(phone: string): void {
  Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)
}

/** A phone number shown anywhere: a tap calls it. Styled in app.scss (.phone-link). */
export default function PhoneLink({ phone, className }: { phone: string; className?: string }) {
  return (
    <Text
      className={`phone-link${className ? ` ${className}` : ''}`}
      userSelect
      onClick={() => callPhone(phone)}
    >
      {phone}
    </Text>
  )
}
