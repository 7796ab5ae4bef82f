/**
 * The only place that reads build-time configuration. Taro replaces each
 * `process.env.X` below with the value from config/index.ts; anything not
 * declared there would crash at run time, so add new keys there first.
 */
export const env = {
  apiBase: process.env.TARO_APP_API_BASE ?? '/api/v1',
  appVersion: process.env.TARO_APP_VERSION ?? '0.0.0',
}
