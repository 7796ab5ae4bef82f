/**
 * What a scan gives back: the code itself, or a URL carrying it (`…?code=…`) if the QR is
 * ever printed as a link. No URLSearchParams: WeChat's engine lacks it.
 */
export function codeFromScan(result: string): string {
  const text = result.trim()
  const match = /[?&]code=([^&#]+)/.exec(text)
  if (!match?.[1]) return text
  try {
    return decodeURIComponent(match[1])
  } catch {
    return match[1]
  }
}
