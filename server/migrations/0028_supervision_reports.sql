-- 监督共治 (issue 20): a verified member rider reports a problem seen at a merchant while on
-- the job. A report lies with one county at a time (the merchant's), which 转办 to another
-- county changes; 转办 to an outside department closes it with that department's name.
-- The reporter is never shown to the merchant or anywhere public: no public route reads
-- these tables, and the merchant is only named, never linked to an account.
create table supervision_reports (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id),
  membership_id uuid references memberships (id) on delete set null,
  region_code char(6) not null references regions (code),
  region_path ltree not null,
  category text not null check (category in ('food', 'price', 'online', 'other')),
  merchant_name text not null check (length(merchant_name) between 2 and 60),
  merchant_address text not null check (length(merchant_address) between 2 and 100),
  credit_code char(18),
  -- A point the rider chose on the map (never the live position), or none when typed.
  lat double precision check (lat between -90 and 90),
  lng double precision check (lng between -180 and 180),
  check ((lat is null) = (lng is null)),
  text text not null check (length(text) between 5 and 500),
  state text not null default 'open' check (state in ('open', 'closed')),
  outcome text check (outcome in ('upheld', 'unfounded', 'referred')),
  outcome_note text,
  referred_department text,
  check ((state = 'closed') = (outcome is not null)),
  check ((outcome = 'referred') = (referred_department is not null)),
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index supervision_reports_region on supervision_reports using gist (region_path);
create index supervision_reports_queue on supervision_reports (created_at, id);
create index supervision_reports_user on supervision_reports (user_id, created_at);

create table supervision_report_events (
  id bigint generated always as identity primary key,
  report_id uuid not null references supervision_reports (id) on delete cascade,
  kind text not null check (kind in ('reported', 'forward', 'close')),
  text text,
  to_region char(6) references regions (code),
  actor_id uuid references users (id),
  at timestamptz not null default now()
);
create index supervision_report_events_report on supervision_report_events (report_id, id);

create table supervision_report_photos (
  report_id uuid not null references supervision_reports (id) on delete cascade,
  position smallint not null check (position between 1 and 3),
  photo_id uuid not null references pledge_photos (id),
  primary key (report_id, position),
  unique (report_id, photo_id)
);
create index supervision_report_photos_photo on supervision_report_photos (photo_id);
