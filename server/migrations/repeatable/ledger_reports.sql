-- Repeatable: what keeps submitted ledger reports and period-end snapshots from changing,
-- applied after the numbered migrations whenever this file changes (server/src/db/migrate.ts).

create or replace function ledger_reports_frozen() returns trigger
language plpgsql as $$
begin
  if new.snapshot is distinct from old.snapshot or new.region_code <> old.region_code
     or new.period <> old.period or new.version <> old.version
     or new.submitted_at <> old.submitted_at or new.submitted_by <> old.submitted_by
     or new.reason is distinct from old.reason or new.basis <> old.basis then
    raise exception 'a submitted ledger report never changes; submit a new version instead';
  end if;
  return new;
end $$;

drop trigger if exists ledger_reports_frozen on ledger_reports;
create trigger ledger_reports_frozen before update on ledger_reports
  for each row execute function ledger_reports_frozen();

create or replace function ledger_period_snapshots_frozen() returns trigger
language plpgsql as $$
begin
  raise exception 'a frozen period-end ledger never changes';
end $$;

drop trigger if exists ledger_period_snapshots_frozen on ledger_period_snapshots;
create trigger ledger_period_snapshots_frozen before update on ledger_period_snapshots
  for each row execute function ledger_period_snapshots_frozen();
