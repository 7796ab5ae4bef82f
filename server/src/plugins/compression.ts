import compress from '@fastify/compress'
import fp from 'fastify-plugin'

/**
 * gzip or brotli for answers of 1 KB and more (JSON, CSV, the OpenAPI page), compressed as
 * they are sent; brotli at quality 4, as quality 11 costs too much CPU per request. The H5
 * assets are compressed once at build time instead (see plugins/h5.ts), so they are sent
 * as brotli 11 with no work per request, and this plugin leaves them alone.
 */
export default fp(
  async (app) => {
    await app.register(compress, {
      encodings: ['br', 'gzip'],
      threshold: 1024,
      // Request bodies are not inflated: BODY_LIMIT_BYTES then bounds what is parsed.
      globalDecompression: false,
    })
  },
  { name: 'compression' },
)
