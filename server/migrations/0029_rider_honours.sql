-- 最美骑手 (issue 20). Staff of a county or above nominate a verified member rider of their
-- jurisdiction for a city's honour of a year; the rider decides whether it is shown. The
-- rider's name and platform are copied when nominated, so the public list never reads the
-- registration (which holds the mobile and ID number); the name shown is what the rider
-- chose when accepting. region_path is the rider's county when nominated: whose staff see it.
create table rider_honours (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id),
  membership_id uuid references memberships (id) on delete set null,
  region_code char(6) not null references regions (code),
  region_path ltree not null,
  city_code char(6) not null references regions (code),
  year smallint not null check (year between 2000 and 2100),
  rider_name text not null,
  platform text,
  citation text not null check (length(citation) between 10 and 500),
  state text not null default 'pending'
    check (state in ('pending', 'accepted', 'declined', 'revoked')),
  name_shown text check (name_shown in ('full', 'surname')),
  shown_name text,
  check ((state = 'accepted') = (shown_name is not null)),
  nominated_by uuid not null references users (id),
  answered_at timestamptz,
  revoked_by uuid references users (id),
  revoke_reason text,
  revoked_at timestamptz,
  check ((state = 'revoked') = (revoke_reason is not null)),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- One honour of a city a year per rider; a revoked one no longer counts.
create unique index rider_honours_once_a_year on rider_honours (user_id, city_code, year)
  where state <> 'revoked';
create index rider_honours_public on rider_honours (year desc, created_at desc, id desc)
  where state = 'accepted';
create index rider_honours_region on rider_honours using gist (region_path);
