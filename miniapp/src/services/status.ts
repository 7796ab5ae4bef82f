import { ServiceStatus } from '@djt/shared'
import { get } from './http'

export type { ServiceStatus } from '@djt/shared'

/** Whether the server can do its work, and whether it runs on demo data. */
export function fetchServiceStatus(): Promise<ServiceStatus> {
  return get('/status', ServiceStatus)
}
