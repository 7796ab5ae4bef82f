// Canonical forms for matching what people type against what registers hold: the same
// person typed on a phone (full-width digits, spaces, +86) and in Excel must compare equal.
// Pure string functions: the mini-program and the server both run them.

/** Whitespace, including U+3000 and the zero-width characters that pasting drags along. */
const WHITESPACE = /[\s\u200B-\u200D\u2060\uFEFF]/gu
/** Whitespace, ASCII hyphens and the Unicode dashes NFKC leaves alone. */
const WHITESPACE_AND_DASHES = /[\s\u200B-\u200D\u2060\uFEFF\-\u2010-\u2015\u2212\uFE58\uFE63]/gu
/** Middle-dot look-alikes typed inside minority names (买买提·艾力); U+00B7 is kept. */
const MIDDLE_DOTS = /[\u0387\u2022\u2027\u2219\u22C5\u30FB\uFF65]/gu

/**
 * NFKC again after removing: a removed space can bring a letter and a combining mark
 * together (NFKC turns ´ into space + U+0301), and normalising twice must change nothing.
 */
const nfkcWithout = (s: string, removed: RegExp) =>
  s.normalize('NFKC').replace(removed, '').normalize('NFKC')

/** NFKC (full-width to half-width), no whitespace, ASCII letters upper-case. */
export function normalizeText(s: string): string {
  return nfkcWithout(s, WHITESPACE).replace(/[a-z]+/g, (letters) => letters.toUpperCase())
}

/** Digits only as typed, without a +86 / 0086 / 86 country code in front of 11 digits. */
export function normalizeMobile(s: string): string {
  return nfkcWithout(s, WHITESPACE_AND_DASHES).replace(/^(?:\+86|0086|86)(1\d{10})$/, '$1')
}

/** No spaces, and the check character X upper-case. */
export function normalizeResidentId(s: string): string {
  return nfkcWithout(s, WHITESPACE).replace(/x/g, 'X')
}

/** No spaces; every middle-dot variant becomes U+00B7, which is part of the name. */
export function normalizeName(s: string): string {
  return nfkcWithout(s, WHITESPACE).replace(MIDDLE_DOTS, '\u00B7')
}
