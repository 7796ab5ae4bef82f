import { SCENE_ALPHABET } from '@djt/shared'

/**
 * The pledge code a public page shows: `?code=` from a link or the 查验 box, or `?scene=`
 * from the plaque's QR (WeChat URL-encodes the scene). Null when neither is a code.
 */
export function pledgeCodeOf(params: Record<string, string | undefined>): string | null {
  if (params.code) return cleanCode(safeDecode(params.code))
  if (params.scene) return cleanCode(safeDecode(params.scene))
  return null
}

/** A code as typed from a plaque: spaces and a pasted link's prefix dropped. */
export function typedCode(text: string): string | null {
  const fromLink = /[?&](?:code|scene)=([^&#]+)/.exec(text)?.[1]
  return cleanCode(fromLink ? safeDecode(fromLink) : text)
}

function cleanCode(raw: string | null): string | null {
  if (raw === null) return null
  const code = raw.replace(/\s+/g, '')
  return SCENE_ALPHABET.test(code) ? code : null
}

function safeDecode(raw: string): string | null {
  try {
    return decodeURIComponent(raw)
  } catch {
    return null
  }
}
