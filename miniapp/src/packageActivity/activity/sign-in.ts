import Taro from '@tarojs/taro'
import { codeFromScan } from './sign-in-code'

/** Thrown when the member backs out of the scanner: nothing to say, nothing sent. */
export class ScanCancelled extends Error {}

/** WeChat's scanner, QR codes from the camera only (an album photo would be a passed-on code). */
export async function scanSignInCode(): Promise<string> {
  try {
    const scanned = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
    return codeFromScan(scanned.result)
  } catch {
    throw new ScanCancelled('已取消扫码')
  }
}
