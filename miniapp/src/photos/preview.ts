import Taro from '@tarojs/taro'
import { showFailure } from '../hooks/failure'

/**
 * Opens a photo that needs the caller's token in the image viewer. `previewImage` cannot
 * send a header, so the photo is fetched first (a temporary path in WeChat, a blob URL in
 * H5) and the viewer is given that.
 */
export async function previewFetchedPhoto(fetchPhoto: () => Promise<string>): Promise<void> {
  await Taro.showLoading({ title: '正在打开照片', mask: true })
  let url: string
  try {
    url = await fetchPhoto()
  } catch (error) {
    await Taro.hideLoading()
    await showFailure('照片打开失败', error)
    return
  }
  await Taro.hideLoading()
  await Taro.previewImage({ urls: [url], current: url })
}
