-- Pledges (三亮 / 两亮一比): a verified member's public pledge, every version kept,
-- approved by staff before it is shown, and the public's ratings and reports about it.

-- Promise templates (诚信经营, 明码标价 …): national ones (no region) from the seed, and
-- those a bureau adds for its own subtree.
create table pledge_templates (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('operator', 'rider')),
  text text not null check (length(text) between 2 and 60),
  region_code char(6) references regions (code),
  region_path ltree,
  check ((region_code is null) = (region_path is null)),
  sort integer not null default 0,
  retired_at timestamptz,
  created_by uuid references users (id),
  created_at timestamptz not null default now()
);
create index pledge_templates_region on pledge_templates using gist (region_path);

-- Photos sent with a pledge or a report; unreferenced ones are deleted after a day.
create table pledge_photos (
  id uuid primary key default gen_random_uuid(),
  mime text not null check (mime in ('image/jpeg', 'image/png')),
  bytes bytea not null,
  created_at timestamptz not null default now()
);

create table pledges (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  -- The registration it rests on: when that is revoked the pledge is no longer valid,
  -- even if the person registers again later.
  membership_id uuid not null references memberships (id) on delete cascade,
  kind text not null check (kind in ('operator', 'rider')),
  region_code char(6) not null references regions (code),
  region_path ltree not null,
  -- Given at the first approval: random, ≤ 32 characters of WeChat's scene alphabet.
  code text unique check (code ~ '^[0-9A-Za-z]{1,32}$'),
  status text not null default 'active' check (status in ('active', 'withdrawn', 'suspended')),
  status_reason text,
  -- The approved version now public (null until the first approval).
  public_version_id uuid,
  -- The WeChat mini-program code for the plaque, fetched once: WeChat limits that API.
  wxacode bytea,
  demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- One open pledge per person; a withdrawn one stays as history.
create unique index pledges_open_per_user on pledges (user_id) where status <> 'withdrawn';
create index pledges_region_path on pledges using gist (region_path);

create table pledge_versions (
  id uuid primary key default gen_random_uuid(),
  pledge_id uuid not null references pledges (id) on delete cascade,
  number integer not null,
  state text not null check (state in ('pending', 'approved', 'returned', 'rejected', 'superseded')),
  content jsonb not null,
  -- What the content check asked a person to look at (word-list hits, WeChat labels).
  check_notes jsonb not null default '[]',
  submitted_at timestamptz not null default now(),
  decided_at timestamptz,
  decided_by uuid references users (id),
  comment text,
  unique (pledge_id, number)
);
create index pledge_versions_queue on pledge_versions (state, submitted_at, id);
alter table pledges add constraint pledges_public_version
  foreign key (public_version_id) references pledge_versions (id);

-- Public ratings: anonymous; `device` is a keyed hash of the device id, never the id itself.
create table pledge_ratings (
  id bigint generated always as identity primary key,
  pledge_id uuid not null references pledges (id) on delete cascade,
  score smallint not null check (score between 1 and 5),
  comment text,
  device text not null,
  at timestamptz not null default now()
);
create index pledge_ratings_pledge on pledge_ratings (pledge_id, at desc);
create index pledge_ratings_device on pledge_ratings (pledge_id, device, at);

create table pledge_reports (
  id uuid primary key default gen_random_uuid(),
  pledge_id uuid not null references pledges (id) on delete cascade,
  text text not null,
  photo_id uuid references pledge_photos (id) on delete set null,
  check_notes jsonb not null default '[]',
  device text not null,
  at timestamptz not null default now(),
  outcome text check (outcome in ('upheld', 'dismissed')),
  response text,
  responded_at timestamptz,
  responded_by uuid references users (id),
  check ((outcome is null) = (responded_at is null))
);
create index pledge_reports_pledge on pledge_reports (pledge_id, at);
create index pledge_reports_open on pledge_reports (at, id) where outcome is null;

-- 事后评价: one evaluation per pledge per half-year; `award` = 党员诚信示范店.
create table pledge_evaluations (
  pledge_id uuid not null references pledges (id) on delete cascade,
  period text not null check (period ~ '^20[0-9]{2}-H[12]$'),
  score smallint not null check (score between 0 and 100),
  note text,
  award boolean not null default false,
  evaluated_by uuid references users (id),
  at timestamptz not null default now(),
  primary key (pledge_id, period)
);
