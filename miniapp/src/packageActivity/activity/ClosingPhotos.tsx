import { ACTIVITY_PHOTOS_MAX } from '@djt/shared'
import { Image, Text, View } from '@tarojs/components'
import PhotoPicker from '../../components/PhotoPicker'

export interface ChosenPhoto {
  id: string
  preview: string
}

interface Props {
  photos: ChosenPhoto[]
  onChange: (photos: ChosenPhoto[]) => void
}

/** Up to nine photos for the closing record, each uploaded as it is chosen. */
export default function ClosingPhotos({ photos, onChange }: Props) {
  return (
    <View className="closing-photos">
      {photos.length > 0 && (
        <View className="closing-photos__grid">
          {photos.map((photo, i) => (
            <View className="closing-photos__item" key={photo.id}>
              <Image
                className="closing-photos__image"
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
      {photos.length < ACTIVITY_PHOTOS_MAX ? (
        <PhotoPicker
          label={`活动照片（选填，已选${photos.length}张，最多${ACTIVITY_PHOTOS_MAX}张）`}
          photoId={undefined}
          preview={null}
          onChange={(photo) => photo && onChange([...photos, photo])}
        />
      ) : (
        <Text className="text-secondary">已选满{ACTIVITY_PHOTOS_MAX}张照片</Text>
      )}
    </View>
  )
}
