import './zod-locale.ts'

export * from './auth.ts'
export * from './errors.ts'
export * from './regions.ts'
export * from './status.ts'
export * from './validators/index.ts'
