/**
 * The local word list, checked before WeChat's msgSecCheck and whenever WeChat cannot be
 * asked (dev mode, anonymous H5 visitors without an openid). A starting list: the bureau
 * extends it. `blocked` words are refused outright; `review` words reach staff flagged.
 */
export const BLOCKED_WORDS = [
  '赌博',
  '博彩',
  '六合彩',
  '网赌',
  '色情',
  '约炮',
  '毒品',
  '冰毒',
  '大麻',
  '代开发票',
  '办假证',
  '刷单',
  '套现',
  '枪支',
  '傻逼',
  '操你',
]

export const REVIEW_WORDS = [
  '加微信',
  '加v',
  'vx',
  '微信号',
  '二维码',
  'http',
  'www',
  '返现',
  '最低价',
]

/** A number run that looks like a phone number: a pledge or report is no place for ads. */
export const PHONE_LIKE = /1[3-9]\d{9}/
