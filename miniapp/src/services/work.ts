import {
  LiaisonPair,
  LiaisonPairList,
  type LiaisonPairRequest,
  LiaisonVisit,
  type LiaisonVisitRequest,
  PartyCommittee,
  type PartyCommitteeRequest,
  TrainingSession,
  TrainingSessionList,
  type TrainingSessionRequest,
  WorkSummary,
} from '@djt/shared'
import { del, get, post, request } from './http'

export type {
  LiaisonPair,
  LiaisonPairRequest,
  LiaisonVisitRequest,
  PartyCommittee,
  PartyCommitteeRequest,
  TrainingSession,
  TrainingSessionRequest,
  WorkSummary,
} from '@djt/shared'

const pairPath = (id: string) => `/work/liaison-pairs/${encodeURIComponent(id)}`

/** My region's training sessions of one year, latest first. */
export async function fetchTrainingSessions(
  year: number,
  region?: string,
): Promise<TrainingSession[]> {
  return (await get('/work/training-sessions', TrainingSessionList, { year, region })).items
}

export function addTrainingSession(session: TrainingSessionRequest): Promise<TrainingSession> {
  return post('/work/training-sessions', session, TrainingSession)
}

export function deleteTrainingSession(id: string): Promise<null> {
  return del(`/work/training-sessions/${encodeURIComponent(id)}`)
}

/** Pairs still running in my region, each with its visits. */
export async function fetchLiaisonPairs(region?: string): Promise<LiaisonPair[]> {
  return (await get('/work/liaison-pairs', LiaisonPairList, { state: 'active', region })).items
}

export function addLiaisonPair(pair: LiaisonPairRequest): Promise<LiaisonPair> {
  return post('/work/liaison-pairs', pair, LiaisonPair)
}

export function endLiaisonPair(id: string, endedOn: string): Promise<LiaisonPair> {
  return post(`${pairPath(id)}/end`, { endedOn }, LiaisonPair)
}

export function addLiaisonVisit(id: string, visit: LiaisonVisitRequest): Promise<LiaisonVisit> {
  return post(`${pairPath(id)}/visits`, visit, LiaisonVisit)
}

export function fetchPartyCommittee(regionCode: string): Promise<PartyCommittee> {
  return get(`/work/party-committees/${encodeURIComponent(regionCode)}`, PartyCommittee)
}

/** Only the region's own city or county staff may say; others get 403. */
export function savePartyCommittee(
  regionCode: string,
  committee: PartyCommitteeRequest,
): Promise<PartyCommittee> {
  return request({
    method: 'PUT',
    path: `/work/party-committees/${encodeURIComponent(regionCode)}`,
    body: committee,
    schema: PartyCommittee,
  })
}

export function fetchWorkSummary(year: number, region?: string): Promise<WorkSummary> {
  return get('/work/summary', WorkSummary, { year, region })
}
