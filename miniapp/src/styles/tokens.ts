// The colours of tokens.scss for code that cannot read SCSS: app.config.ts, map markers,
// modal buttons, chart bars. test/styles/tokens.test.ts compiles tokens.scss and fails
// when a name here is missing there or holds another value, so tokens.scss stays the truth.
// Kept by hand rather than generated: a generated file would have to be written before tsc,
// vitest, biome and both Taro builds (app.config.ts included) read it, or be committed and
// checked for staleness anyway, which is what the test already does.

/** Each SCSS colour `$party-red` as `partyRed`. */
export const colours = {
  partyRed: '#c8161d',
  partyRedPressed: '#a31218',
  link: '#c8161d',
  text: '#1f1f1f',
  textSecondary: '#595959',
  textPlaceholder: '#767676',
  textOnBrand: '#ffffff',
  pageBg: '#f5f5f5',
  cardBg: '#ffffff',
  surfaceMuted: '#f0f0f0',
  surfaceInset: '#f5f5f5',
  rowPressed: '#f5f5f5',
  tableGroupBg: '#fafafa',
  borderInput: '#bfbfbf',
  border: '#d9d9d9',
  borderStrong: '#8c8c8c',
  divider: '#f0f0f0',
  dividerSection: '#e8e8e8',
  dividerDark: '#e0e0e0',
  overlay: 'rgba(0, 0, 0, 0.5)',
  scrimLight: 'rgba(0, 0, 0, 0.18)',
  shadow: 'rgba(0, 0, 0, 0.08)',
  successBg: '#e3f5e1',
  successText: '#135200',
  successBorder: '#b7dfb0',
  successSolid: '#1b7a1b',
  successOnCard: '#1a7f37',
  infoBg: '#e6f0ff',
  infoText: '#0b3d91',
  warningBg: '#fff1db',
  warningText: '#7a3e00',
  warningBorder: '#f0c36d',
  warningSolid: '#b85c00',
  dangerBg: '#fde8e8',
  dangerText: '#a31218',
  dangerSolid: '#b3141b',
  mutedBg: '#eeeeee',
  mutedText: '#424242',
  noticeBg: '#fff8e6',
  noticeText: '#5c3b00',
  bannerBg: '#fff4e5',
  bannerText: '#7a4a00',
  demoBannerBg: '#fff4d6',
  starGold: '#a15c00',
  starOff: '#d9d9d9',
  chartSeries1: '#f0a43a',
  chartSeries2: '#c8161d',
} as const

/** The badge tones, in the order of `$tones` in tokens.scss; a class `x--<tone>` gets its colours. */
export const tones = ['success', 'pending', 'attention', 'danger', 'muted'] as const

export type Tone = (typeof tones)[number]
