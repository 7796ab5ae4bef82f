-- Care stations, canteens, flow-member branches, guidance stations, service centres.
-- Location in GCJ-02; `geo` is its earthdistance point (ll_to_earth), stored rather than
-- indexed as an expression so the index never calls extension functions by search_path.
create table places (
  id uuid primary key default gen_random_uuid(),
  -- Short code for the place's QR scene: ≤ 32 characters of WeChat's scene alphabet.
  code text not null unique check (code ~ '^[0-9A-Za-z._~-]{1,32}$'),
  name text not null,
  kind text not null
    check (kind in ('care_station', 'canteen', 'flow_branch', 'guidance_station', 'service_center')),
  brand text check (brand in ('love_station', 'rider_home', 'union_station')),
  address text not null,
  region_code char(6) not null references regions (code),
  region_path ltree not null,
  lat double precision not null check (lat between -90 and 90),
  lng double precision not null check (lng between -180 and 180),
  geo earth not null,
  -- Round the clock; otherwise the ranges in place_hours.
  always_open boolean not null default false,
  hours jsonb not null,
  facilities text[] not null default '{}',
  phone text,
  operator text not null check (operator in ('union', 'platform', 'bureau', 'community', 'other')),
  status text not null default 'open' check (status in ('open', 'suspended', 'closed')),
  last_checked_on date,
  branch jsonb,
  accepts_flow_members boolean not null default false,
  demo boolean not null default false,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((kind = 'flow_branch') = (branch is not null))
);
create index places_geo on places using gist (geo) where status = 'open';
create index places_region_path on places using gist (region_path);
create index places_facilities on places using gin (facilities);
create index places_name on places (name);

-- Opening ranges in minutes after midnight of `weekday` (0 = Monday … 6 = Sunday);
-- close_min may pass 1440 for a range that runs past midnight into the next day.
create table place_hours (
  place_id uuid not null references places (id) on delete cascade,
  weekday smallint not null check (weekday between 0 and 6),
  open_min smallint not null check (open_min between 0 and 1440),
  close_min smallint not null check (close_min > open_min and close_min <= 2880)
);
create index place_hours_place on place_hours (place_id, weekday);

create table place_imports (
  id uuid primary key default gen_random_uuid(),
  file_name text not null,
  crs text not null check (crs in ('wgs84', 'gcj02', 'bd09')),
  imported_by uuid not null references users (id),
  region_path ltree not null,
  at timestamptz not null default now(),
  rows_read integer not null,
  rows_accepted integer not null,
  rows_rejected integer not null,
  report jsonb not null
);

-- A verified member's check-in (报到) at a flow-member branch, decided by its staff.
create table branch_checkins (
  id uuid primary key default gen_random_uuid(),
  place_id uuid not null references places (id),
  membership_id uuid not null references memberships (id) on delete cascade,
  state text not null default 'pending' check (state in ('pending', 'approved', 'declined', 'withdrawn')),
  note text,
  decision_note text,
  decided_by uuid references users (id),
  created_at timestamptz not null default now(),
  decided_at timestamptz
);
create unique index branch_checkins_open on branch_checkins (place_id, membership_id)
  where state in ('pending', 'approved');
create index branch_checkins_place on branch_checkins (place_id, state);
