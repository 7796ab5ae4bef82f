import fp from 'fastify-plugin'
import { createFieldCipher, type FieldCipher } from '../crypto/field-cipher.ts'
import { loadKeyring } from '../crypto/keyring.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** Encrypts sensitive columns at rest and computes their blind indexes. */
    cipher: FieldCipher
  }
}

/** Field encryption with the configured keys, or the dev key file outside production. */
export default fp(
  async (app) => {
    const keyring = loadKeyring(app.config)
    app.decorate('cipher', createFieldCipher(keyring))
    const { source, algorithm, activeKeyId } = keyring
    const dev = source === 'dev-file' ? ' from the dev key file, not for production' : ''
    app.log.info({ keyring: source, algorithm, activeKeyId }, `field encryption ready${dev}`)
  },
  { name: 'crypto', decorators: { fastify: ['config'] } },
)
