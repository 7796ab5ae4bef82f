-- The bureau's own work, which the 2024 work points set targets for: training classes
-- (each city and county ≥ 1 a year, ≥ 30 people each), liaison pairs (挂钩联系: each liaison
-- ≥ 1 organisation) with their visits (走访), and whether a city or county has set up its
-- 小个专党委. Guidance stations are places of kind guidance_station, not repeated here.

create table training_sessions (
  id uuid primary key default gen_random_uuid(),
  -- A city or a county: the one that held the class.
  region_code char(6) not null references regions (code),
  region_path ltree not null,
  held_on date not null,
  title text not null check (length(title) between 2 and 100),
  attendees integer not null check (attendees >= 0),
  organiser text,
  note text,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now()
);
create index training_sessions_region on training_sessions using gist (region_path);
create index training_sessions_held on training_sessions (region_code, held_on);

-- A liaison (by name, and their staff account when they have one) and the organisation
-- they keep in touch with: a market, a platform's site or a business.
create table liaison_pairs (
  id uuid primary key default gen_random_uuid(),
  region_code char(6) not null references regions (code),
  region_path ltree not null,
  liaison_name text not null check (length(liaison_name) between 1 and 30),
  liaison_staff_id uuid references users (id),
  organisation_name text not null check (length(organisation_name) between 2 and 100),
  organisation_uscc char(18),
  organisation_kind text not null
    check (organisation_kind in ('market', 'platform_site', 'business', 'other')),
  started_on date not null,
  ended_on date,
  check (ended_on is null or ended_on >= started_on),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now()
);
create index liaison_pairs_region on liaison_pairs using gist (region_path);

create table liaison_visits (
  id uuid primary key default gen_random_uuid(),
  pair_id uuid not null references liaison_pairs (id) on delete cascade,
  visited_on date not null,
  note text not null,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now()
);
create index liaison_visits_pair on liaison_visits (pair_id, visited_on);

-- One row per city or county once its staff have said whether the committee exists.
create table party_committees (
  region_code char(6) primary key references regions (code),
  region_path ltree not null,
  set_up boolean not null,
  set_up_on date,
  name text,
  check (set_up = (set_up_on is not null) and set_up = (name is not null)),
  updated_by uuid not null references users (id),
  updated_at timestamptz not null default now()
);
create index party_committees_region on party_committees using gist (region_path);
