import { z } from 'zod'

/** A PNG, PDF or photo answer: sent as bytes; the schema only describes it for the API docs. */
export const BinaryFile = z.custom<Buffer>().describe('binary')
