/** Stand-ins for the `@tarojs/taro` APIs the app calls; tests set their behaviour. */
import { vi } from 'vitest'

const Taro = {
  request: vi.fn(),
  showModal: vi.fn(),
  openPrivacyContract: vi.fn(),
  onNeedPrivacyAuthorization: vi.fn(),
}

export default Taro
