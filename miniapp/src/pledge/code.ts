import { readPledgeCode } from '@djt/shared'

/**
 * The code a public page is asked for: `?code=` from a link or the 查验 box, or `?scene=`
 * from the plaque's QR (WeChat URL-encodes the scene). Read as people type it (case,
 * spaces, full-width, look-alikes); null when there is no code at all, `malformed` when
 * what was given cannot be one (the page then says to check it, not that it is forged).
 */
export function pledgeCodeOf(
  params: Record<string, string | undefined>,
): string | 'malformed' | null {
  const raw = params.code ?? params.scene
  if (!raw) return null
  return readCode(safeDecode(raw))
}

/**
 * A code as typed or scanned: a bare code, a link with `?code=` / `?scene=`, or the
 * plain QR's `/p/<code>` address. Null when none of these holds a code.
 */
export function typedCode(text: string): string | null {
  const fromQuery = /[?&](?:code|scene)=([^&#]+)/.exec(text)?.[1]
  const fromPath = /\/p\/([^/?#]+)/.exec(text)?.[1]
  const code = readCode(safeDecode(fromQuery ?? fromPath ?? text))
  return code === 'malformed' ? null : code
}

function readCode(raw: string | null): string | 'malformed' {
  if (raw === null) return 'malformed'
  const read = readPledgeCode(raw)
  return read.kind === 'malformed' ? 'malformed' : read.code
}

function safeDecode(raw: string): string | null {
  try {
    return decodeURIComponent(raw)
  } catch {
    return null
  }
}
