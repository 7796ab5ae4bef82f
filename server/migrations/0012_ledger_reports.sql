-- Half-year reports: a jurisdiction's ledger frozen at submission. The snapshot and who sent
-- it never change (a trigger refuses); a correction is a new version with a reason; only
-- the decision of the level above is written later.
create table ledger_reports (
  id uuid primary key default gen_random_uuid(),
  region_code char(6) not null references regions (code),
  region_path ltree not null,
  period text not null check (period ~ '^20[0-9]{2}-H[12]$'),
  version integer not null,
  snapshot jsonb not null,
  reason text,
  submitted_by uuid not null references users (id),
  submitted_by_label text not null,
  submitted_at timestamptz not null default now(),
  state text not null default 'submitted' check (state in ('submitted', 'returned', 'accepted')),
  decided_by uuid references users (id),
  decided_by_label text,
  decided_at timestamptz,
  decision_note text,
  unique (region_code, period, version),
  check (version = 1 or reason is not null)
);
create index ledger_reports_path on ledger_reports using gist (region_path);

create function ledger_reports_frozen() returns trigger
language plpgsql as $$
begin
  if new.snapshot is distinct from old.snapshot or new.region_code <> old.region_code
     or new.period <> old.period or new.version <> old.version
     or new.submitted_at <> old.submitted_at or new.submitted_by <> old.submitted_by
     or new.reason is distinct from old.reason then
    raise exception 'a submitted ledger report never changes; submit a new version instead';
  end if;
  return new;
end $$;
create trigger ledger_reports_frozen before update on ledger_reports
  for each row execute function ledger_reports_frozen();
