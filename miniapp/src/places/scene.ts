import { SCENE_ALPHABET } from '@djt/shared'

export type PlaceTarget = { by: 'id'; id: string } | { by: 'code'; code: string }

/**
 * Which place a detail page shows: `?id=` from the list, or `?scene=` from a scanned
 * plaque (WeChat URL-encodes the scene). Null when neither names a place.
 */
export function placeTarget(params: Record<string, string | undefined>): PlaceTarget | null {
  if (params.id) return { by: 'id', id: params.id }
  const code = params.scene ? decodeScene(params.scene) : null
  return code ? { by: 'code', code } : null
}

/** The place code in a QR scene, or null when it is not one WeChat could have sent. */
export function decodeScene(raw: string): string | null {
  let scene: string
  try {
    scene = decodeURIComponent(raw).trim()
  } catch {
    return null
  }
  return SCENE_ALPHABET.test(scene) ? scene : null
}
