import {
  type LiaisonPair,
  type LiaisonVisit,
  type PartyCommittee,
  type RegionLevel,
  TRAINING_TARGET_ATTENDEES,
  type TrainingSession,
} from '@djt/shared'
import type { CommitteeRow } from './committees.repository.ts'
import type { LiaisonPairRow, LiaisonVisitRow } from './liaison.repository.ts'
import type { TrainingSessionRow } from './training.repository.ts'

export function toTrainingSession(row: TrainingSessionRow): TrainingSession {
  return {
    id: row.id,
    regionCode: row.region_code,
    regionName: row.region_name,
    heldOn: row.held_on,
    title: row.title,
    attendees: row.attendees,
    organiser: row.organiser,
    note: row.note,
    meetsTarget: row.attendees >= TRAINING_TARGET_ATTENDEES,
    createdAt: row.created_at.toISOString(),
  }
}

export function toLiaisonVisit(row: LiaisonVisitRow): LiaisonVisit {
  return {
    id: row.id,
    visitedOn: row.visited_on,
    note: row.note,
    createdAt: row.created_at.toISOString(),
  }
}

export function toLiaisonPair(row: LiaisonPairRow, visits: LiaisonVisitRow[]): LiaisonPair {
  return {
    id: row.id,
    regionCode: row.region_code,
    regionName: row.region_name,
    liaisonName: row.liaison_name,
    liaisonStaffId: row.liaison_staff_id,
    organisationName: row.organisation_name,
    organisationUscc: row.organisation_uscc,
    organisationKind: row.organisation_kind,
    startedOn: row.started_on,
    endedOn: row.ended_on,
    visits: visits.filter((visit) => visit.pair_id === row.id).map(toLiaisonVisit),
  }
}

/** A region nobody has recorded yet reads as not set up. */
export function toPartyCommittee(
  region: { code: string; name: string; level: RegionLevel },
  row: CommitteeRow | undefined,
): PartyCommittee {
  return {
    regionCode: region.code,
    regionName: region.name,
    level: region.level,
    setUp: row?.set_up ?? false,
    setUpOn: row?.set_up_on ?? null,
    name: row?.name ?? null,
    updatedAt: row ? row.updated_at.toISOString() : null,
  }
}
