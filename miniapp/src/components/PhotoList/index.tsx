import { Image, Text, View } from '@tarojs/components'
import PhotoPicker from '../PhotoPicker'
import './index.scss'

export interface ChosenPhoto {
  id: string
  preview: string
}

interface Props {
  /** What the photos are, e.g. 活动照片. */
  label: string
  max: number
  photos: ChosenPhoto[]
  onChange: (photos: ChosenPhoto[]) => void
}

/** Up to `max` optional photos, each uploaded as it is chosen, any one taken out again. */
export default function PhotoList({ label, max, photos, onChange }: Props) {
  return (
    <View className="photo-list">
      {photos.length > 0 && (
        <View className="photo-list__grid">
          {photos.map((photo, i) => (
            <View className="photo-list__item" key={photo.id}>
              <Image
                className="photo-list__image"
                src={photo.preview}
                mode="aspectFill"
                aria-label={`第${i + 1}张照片`}
              />
              <Text
                className="link"
                onClick={() => onChange(photos.filter((each) => each.id !== photo.id))}
              >
                删除
              </Text>
            </View>
          ))}
        </View>
      )}
      {photos.length < max ? (
        <PhotoPicker
          label={`${label}（选填，已选${photos.length}张，最多${max}张）`}
          photoId={undefined}
          preview={null}
          onChange={(photo) => photo && onChange([...photos, photo])}
        />
      ) : (
        <Text className="text-secondary">已选满{max}张照片</Text>
      )}
    </View>
  )
}
