import { fileURLToPath } from 'node:url'

/**
 * The server package folder (`server/`). This file sits one level below it, as the compiled
 * bundles in `server/dist/` do: esbuild gives every bundled module the bundle's
 * `import.meta.url`, so folders are resolved here, never from a deeper file.
 */
export const SERVER_ROOT = fileURLToPath(new URL('..', import.meta.url))
