/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    /** The platform being built; Taro replaces it at build time. */
    TARO_ENV: 'weapp' | 'h5' | undefined
    /** API base URL, set in config/index.ts from the build's environment. */
    TARO_APP_API_BASE: string | undefined
    /** miniapp/package.json version, set in config/index.ts. */
    TARO_APP_VERSION: string | undefined
  }
}
