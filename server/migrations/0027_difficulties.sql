-- Riders' difficulties (诉求, issue 20). A difficulty lies with one county at a time (the
-- place's, or the rider's registration's), which forwarding changes; its events are the
-- conversation the rider reads. A chosen place is kept: the rider picked it to point at
-- (a housing estate that bars riders); the rider's own position is never asked for.
create table difficulties (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id),
  membership_id uuid references memberships (id) on delete set null,
  region_code char(6) not null references regions (code),
  region_path ltree not null,
  category text not null check (category in ('entry', 'stairs', 'parking', 'charging',
    'rights', 'conditions', 'other')),
  text text not null check (length(text) between 5 and 500),
  place_name text,
  place_address text,
  lat double precision check (lat between -90 and 90),
  lng double precision check (lng between -180 and 180),
  geo earth,
  check ((place_address is null) = (lat is null) and (lat is null) = (lng is null)
    and (lng is null) = (geo is null)),
  state text not null default 'open' check (state in ('open', 'closed')),
  outcome text check (outcome in ('solved', 'referred', 'unsolvable')),
  outcome_note text,
  check ((state = 'closed') = (outcome is not null)),
  check (outcome is distinct from 'unsolvable' or outcome_note is not null),
  helpful boolean,
  -- The first answer (a reply or the close): "answered within 7 days" counts from it.
  answered_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index difficulties_region on difficulties using gist (region_path);
create index difficulties_queue on difficulties (created_at, id);
create index difficulties_user on difficulties (user_id, created_at);
create index difficulties_geo on difficulties using gist (geo) where state = 'open';

create table difficulty_events (
  id bigint generated always as identity primary key,
  difficulty_id uuid not null references difficulties (id) on delete cascade,
  kind text not null check (kind in ('raised', 'reply', 'forward', 'close', 'feedback')),
  text text,
  to_region char(6) references regions (code),
  actor_id uuid references users (id),
  at timestamptz not null default now()
);
create index difficulty_events_difficulty on difficulty_events (difficulty_id, id);

create table difficulty_photos (
  difficulty_id uuid not null references difficulties (id) on delete cascade,
  position smallint not null check (position between 1 and 3),
  photo_id uuid not null references pledge_photos (id),
  primary key (difficulty_id, position),
  unique (difficulty_id, photo_id)
);
create index difficulty_photos_photo on difficulty_photos (photo_id);

-- 我也遇到: another rider has the same difficulty; once per rider.
create table difficulty_me_too (
  difficulty_id uuid not null references difficulties (id) on delete cascade,
  user_id uuid not null references users (id),
  at timestamptz not null default now(),
  primary key (difficulty_id, user_id)
);
