import type { TrainingSession } from '@djt/shared'
import { describe, expect, it } from 'vitest'
import {
  attendeesNumber,
  canRecordCommittee,
  canRecordWork,
  liaisonProgress,
  trainingProgress,
} from '../../src/packageStaff/work/work-model'
import { addLiaisonVisit, fetchTrainingSessions, savePartyCommittee } from '../../src/services/work'
import { callsTo, ok, routeRequests } from '../fixtures'

const session = (attendees: number): TrainingSession => ({
  id: '00000000-0000-4000-8000-000000000001',
  regionCode: '350102',
  regionName: '鼓楼区',
  heldOn: '2026-03-10',
  title: '书记培训班',
  attendees,
  organiser: null,
  note: null,
  meetsTarget: attendees >= 30,
  createdAt: '2026-03-10T02:00:00.000Z',
})

describe('bureau work', () => {
  it('says whether the year has a class of at least 30 people', () => {
    expect(trainingProgress([])).toBe('本年度尚未举办培训班（目标：至少1期，每期不少于30人）')
    expect(trainingProgress([session(29), session(12)])).toBe(
      '本年度已举办2期，培训41人，尚无30人以上的培训班',
    )
    expect(trainingProgress([session(29), session(30)])).toBe('本年度已举办2期，培训59人，已达标')
  })

  it('lets county staff and above write, and only cities and counties keep a committee', () => {
    expect(['station', 'county', 'city', 'province'].map((l) => canRecordWork(l as never))).toEqual(
      [false, true, true, true],
    )
    expect(
      ['station', 'county', 'city', 'province'].map((l) => canRecordCommittee(l as never)),
    ).toEqual([false, true, true, false])
  })

  it('reads attendees as a number, blank as missing', () => {
    expect(attendeesNumber(' 30 ')).toBe(30)
    expect(attendeesNumber('  ')).toBeUndefined()
  })

  it('sums the liaison figures in one line', () => {
    const line = liaisonProgress({
      liaisons: 4,
      liaisonsWithOrganisation: 3,
      liaisonsVisited: 2,
      organisations: 3,
      visits: 5,
    })
    expect(line).toBe('挂钩联系人4名，其中3名联系了组织；联系组织3家，走访5次')
  })

  it('asks for the year, puts the committee and posts visits to the pair', async () => {
    routeRequests({
      'GET /work/training-sessions': ok({ items: [session(30)] }),
      'PUT /work/party-committees/350102': ok({
        regionCode: '350102',
        regionName: '鼓楼区',
        level: 'county',
        setUp: false,
        setUpOn: null,
        name: null,
        updatedAt: '2026-03-10T02:00:00.000Z',
      }),
      'POST /work/liaison-pairs/p-1/visits': ok({
        id: '00000000-0000-4000-8000-000000000002',
        visitedOn: '2026-04-01',
        note: '宣讲',
        createdAt: '2026-04-01T02:00:00.000Z',
      }),
    })
    expect((await fetchTrainingSessions(2026))[0]?.attendees).toBe(30)
    expect(callsTo('GET /work/training-sessions')[0]?.data).toEqual({ year: 2026 })
    await savePartyCommittee('350102', { setUp: false })
    expect(callsTo('PUT /work/party-committees/350102')[0]?.data).toEqual({ setUp: false })
    await addLiaisonVisit('p-1', { visitedOn: '2026-04-01', note: '宣讲' })
    expect(callsTo('POST /work/liaison-pairs/p-1/visits')).toHaveLength(1)
  })
})
