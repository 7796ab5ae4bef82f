import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import committeesRoutes from './committees.routes.ts'
import liaisonRoutes from './liaison.routes.ts'
import trainingRoutes from './training.routes.ts'

/** The bureau's own work (本级工作): training, liaison pairs, committees and the summary. */
const workRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(trainingRoutes)
  await app.register(liaisonRoutes)
  await app.register(committeesRoutes)
}

export default workRoutes
