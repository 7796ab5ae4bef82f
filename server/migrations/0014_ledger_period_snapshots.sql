-- Every jurisdiction's ledger frozen when a half-year ends (6-30 and 12-31 24:00 Beijing
-- time), by the server on its own. A report's first version sends these figures, not the
-- ones of the day the clerk submits. A frozen snapshot never changes (a trigger refuses).
create table ledger_period_snapshots (
  region_code char(6) not null references regions (code),
  region_path ltree not null,
  period text not null check (period ~ '^20[0-9]{2}-H[12]$'),
  snapshot jsonb not null,
  -- When it was actually frozen: later than the period end if the server was down then.
  frozen_at timestamptz not null,
  primary key (region_code, period)
);
create index ledger_period_snapshots_path on ledger_period_snapshots using gist (region_path);

create function ledger_period_snapshots_frozen() returns trigger
language plpgsql as $$
begin
  raise exception 'a frozen period-end ledger never changes';
end $$;
create trigger ledger_period_snapshots_frozen before update on ledger_period_snapshots
  for each row execute function ledger_period_snapshots_frozen();

-- Which figures a report sent: the period-end snapshot, or the live ledger at submission
-- (a correction, a period not yet ended, or a region without a snapshot).
alter table ledger_reports add column basis text not null default 'live'
  check (basis in ('period_end', 'live'));

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
