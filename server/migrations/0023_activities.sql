-- 组织生活 for flow members (issue 19): activities staff publish inside their jurisdiction,
-- members' sign-ups, and attendance signed in at the venue. No member location is stored:
-- the point here is the venue's, for "activities near me".

create table activities (
  id uuid primary key default gen_random_uuid(),
  -- The venue's region (a place's, or the one staff named for an address).
  region_code char(6) not null references regions (code),
  region_path ltree not null,
  kind text not null check (kind in ('theme_day', 'party_lecture', 'general_meeting',
    'committee_meeting', 'group_meeting', 'life_meeting', 'training', 'volunteering')),
  title text not null check (length(title) between 2 and 60),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  check (ends_at > starts_at),
  -- The venue: a place of the places table, or an address; its point copied either way.
  place_id uuid references places (id),
  address text not null,
  lat double precision not null check (lat between -90 and 90),
  lng double precision not null check (lng between -180 and 180),
  geo earth not null,
  capacity integer not null check (capacity > 0),
  audience text not null check (audience in ('branch', 'nearby')),
  -- The flow-member branch holding it: required when only its checked-in members may come.
  branch_id uuid references places (id),
  check (audience = 'nearby' or branch_id is not null),
  description text,
  state text not null default 'published' check (state in ('published', 'cancelled', 'closed')),
  cancel_reason text,
  cancelled_at timestamptz,
  minutes text,
  closed_at timestamptz,
  check ((state = 'cancelled') = (cancel_reason is not null and cancelled_at is not null)),
  check ((state = 'closed') = (minutes is not null and closed_at is not null)),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index activities_region on activities using gist (region_path);
create index activities_starts on activities (starts_at, id);
-- "Near me": upcoming published activities only, nearest first.
create index activities_geo on activities using gist (geo) where state = 'published';
create index activities_branch on activities (branch_id, starts_at) where branch_id is not null;

-- A member's sign-up; withdrawing keeps the row, signing up again reopens it.
create table activity_signups (
  id uuid primary key default gen_random_uuid(),
  activity_id uuid not null references activities (id),
  region_code char(6) not null references regions (code),
  membership_id uuid not null references memberships (id) on delete cascade,
  state text not null default 'active' check (state in ('active', 'withdrawn')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (activity_id, membership_id)
);
create index activity_signups_member on activity_signups (membership_id);

-- Attendance: one per member per activity, by the venue's code or ticked by the organiser.
create table activity_attendances (
  id uuid primary key default gen_random_uuid(),
  activity_id uuid not null references activities (id),
  region_code char(6) not null references regions (code),
  membership_id uuid not null references memberships (id) on delete cascade,
  method text not null check (method in ('scan', 'manual')),
  reason text,
  recorded_by uuid references users (id),
  check ((method = 'manual') = (reason is not null and recorded_by is not null)),
  at timestamptz not null default now(),
  unique (activity_id, membership_id)
);
create index activity_attendances_member on activity_attendances (membership_id);
