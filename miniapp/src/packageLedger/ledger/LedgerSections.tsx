import type { Ledger } from '@djt/shared'
import ActivitiesSection from './ActivitiesSection'
import DifficultiesSection from './DifficultiesSection'
import type { Open } from './links'
import { MembersSection, RidersSection } from './PeopleSections'
import { CareSection, MarketsSection, RecordsSection } from './PlaceSections'
import SupervisionSection from './SupervisionSection'
import { ChildrenSection, PledgesSection, WorkSection } from './WorkSections'
import './ledger.scss'

interface Props {
  ledger: Ledger
  /** Opens the records behind a figure; a frozen report has none. */
  open?: Open | undefined
  /** Drill-down to a child region; a frozen report has none. */
  onOpenChild?: ((code: string) => void) | undefined
  /** At the desk the child regions come first, to compare, in a sortable table. */
  desk?: boolean
}

/** Every section of a ledger, live or frozen in a report. */
export default function LedgerSections({ ledger, open, onOpenChild, desk = false }: Props) {
  const children = <ChildrenSection items={ledger.children} onOpen={onOpenChild} sortable={desk} />
  return (
    <>
      {desk && children}
      <MembersSection members={ledger.members} open={open} />
      <RidersSection riders={ledger.riders} open={open} />
      <MarketsSection markets={ledger.markets} open={open} />
      <CareSection care={ledger.care} open={open} />
      <PledgesSection pledges={ledger.pledges} open={open} />
      {ledger.activities && <ActivitiesSection activities={ledger.activities} open={open} />}
      {ledger.supervision && <SupervisionSection supervision={ledger.supervision} open={open} />}
      {ledger.difficulties && (
        <DifficultiesSection difficulties={ledger.difficulties} open={open} />
      )}
      <WorkSection work={ledger.work} open={open} />
      {!desk && children}
      {ledger.region.level === 'county' && open && <RecordsSection ledger={ledger} open={open} />}
    </>
  )
}
