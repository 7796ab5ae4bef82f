import {
  MyPledge,
  MyPledgeAnswer,
  type PledgeContent,
  type PledgeKind,
  PledgeTemplateList,
  PublicPledge,
  type RateRequest,
  Received,
  type ReportRequest,
} from '@djt/shared'
import { z } from 'zod'
import { DEVICE_HEADER, withDeviceToken } from './device-id'
import { apiUrl, get, post, request } from './http'
import { download, fetchToDevice, type UploadSource, upload } from './transfer'

export type {
  MyPledge,
  MyPledgeAnswer,
  PledgeContent,
  PledgeTemplate,
  PublicPledge,
} from '@djt/shared'
export type { UploadSource } from './transfer'
export type ReceivedAnswer = z.infer<typeof Received>

/** Whether I may pledge, what to prefill, and my pledge with its history. */
export function fetchMyPledge(): Promise<MyPledgeAnswer> {
  return get('/pledges/mine', MyPledgeAnswer)
}

export async function fetchPledgeTemplates(kind: PledgeKind) {
  return (await get('/pledge-templates', PledgeTemplateList, { kind })).items
}

/** A new version for approval; an approved one stays public until this one is approved. */
export function submitPledge(content: PledgeContent): Promise<MyPledge> {
  return post('/pledges/mine', { content }, MyPledge)
}

export function withdrawPledge(reason?: string): Promise<MyPledge> {
  return post('/pledges/mine/withdraw', reason ? { reason } : {}, MyPledge)
}

/** The printable plaque; 409 when no approved, valid version exists. */
export function downloadMyPlaque(format: 'png' | 'pdf'): Promise<void> {
  return download(`/pledges/mine/plaque.${format}`, plaqueFileName(format))
}

export const plaqueFileName = (format: 'png' | 'pdf') => `承诺牌.${format}`

/** The plaque kept on the phone (a temporary path in WeChat), with the download's progress. */
export function fetchMyPlaque(
  format: 'png' | 'pdf',
  onProgress?: (percent: number) => void,
): Promise<string> {
  return fetchToDevice(`/pledges/mine/plaque.${format}`, onProgress)
}

const PhotoId = z.object({ id: z.uuid() })

/** A JPEG or PNG of at most 2 MB; the answer's id goes into the pledge or the report. */
export async function uploadPhoto(file: UploadSource): Promise<string> {
  return (await upload('/photos', file, PhotoId)).id
}

// Public: no sign-in. Rating and reporting carry this device's token.

export function fetchPublicPledge(code: string): Promise<PublicPledge> {
  return get(`/public/pledges/${encodeURIComponent(code)}`, PublicPledge)
}

/** The stall photo, for an <Image>: public, so no token is needed. */
export function publicPhotoUrl(code: string): string {
  return apiUrl(`/public/pledges/${encodeURIComponent(code)}/photo`)
}

export function ratePledge(code: string, rating: RateRequest): Promise<ReceivedAnswer> {
  return publicPost(`/public/pledges/${encodeURIComponent(code)}/ratings`, rating)
}

export function reportPledge(code: string, report: ReportRequest): Promise<ReceivedAnswer> {
  return publicPost(`/public/pledges/${encodeURIComponent(code)}/reports`, report)
}

function publicPost(path: string, body: unknown): Promise<ReceivedAnswer> {
  return withDeviceToken((token) =>
    request({ method: 'POST', path, body, schema: Received, header: { [DEVICE_HEADER]: token } }),
  )
}
