import type { TestProject } from 'vitest/node'
import { ensureServerBuild, makeDataTemplate } from './harness.ts'

/** The demo data folder every end-to-end file's server starts from a copy of. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await ensureServerBuild()
  const template = await makeDataTemplate()
  project.provide('dataTemplate', template.dir)
  return () => template.remove()
}
