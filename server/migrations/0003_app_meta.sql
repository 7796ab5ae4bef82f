-- Facts about this database itself: which data sources were loaded, whether it holds
-- the demo dataset, which seed steps have run.
create table app_meta (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);
