-- Self-registration of riders, operators and market openers, and its review.
-- Mobile and ID number are only ever stored encrypted (text "<keyId>.<alg>.<payload>")
-- with a keyed blind index (HMAC of the normalised value) for exact matching.
create table memberships (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  kind text not null check (kind in ('rider', 'operator', 'market_opener')),
  state text not null check (state in ('draft', 'submitted', 'needs_info', 'resubmitted',
    'verified', 'rejected', 'revoked', 'withdrawn')),
  -- Bumped on every change: a reviewer deciding on a stale version gets a conflict.
  version integer not null default 1,
  -- Everything typed, except mobile and ID number.
  form jsonb not null,
  -- Copied from the form when submitted, for the queue, the evidence and the ledgers.
  name text,
  region_code char(6) references regions (code),
  region_path ltree,
  platform text,
  rider_id_norm text,
  uscc char(18),
  mobile_enc text,
  mobile_bi text,
  id_number_enc text,
  id_number_bi text,
  question text,
  warnings jsonb not null default '[]',
  evidence jsonb,
  evidence_strength text not null default 'none'
    check (evidence_strength in ('strong', 'moderate', 'weak', 'conflict', 'none')),
  evidence_sources integer not null default 0,
  -- When the entry last joined the review queue: the queue is oldest first.
  queued_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- A draft (or a withdrawn one) may be unfinished; anything sent for review is complete.
  check (state in ('draft', 'withdrawn') or (region_path is not null and name is not null)),
  check (mobile_enc is null or mobile_enc ~ '^[a-z0-9_-]{1,16}\.[a-z]\.'),
  check (id_number_enc is null or id_number_enc ~ '^[a-z0-9_-]{1,16}\.[a-z]\.')
);
-- One open entry per person; a revoked or withdrawn one stays as history.
create unique index memberships_open_per_user on memberships (user_id)
  where state not in ('revoked', 'withdrawn');
create index memberships_queue on memberships (queued_at, id)
  where state in ('submitted', 'resubmitted', 'needs_info');
create index memberships_region_path on memberships using gist (region_path);
create index memberships_mobile_bi on memberships (mobile_bi);
create index memberships_id_number_bi on memberships (id_number_bi);
create index memberships_rider on memberships (platform, rider_id_norm);
create index memberships_uscc on memberships (uscc);

-- Every transition: who, when, why. The member sees these as a timeline.
create table membership_events (
  id bigint generated always as identity primary key,
  membership_id uuid not null references memberships (id) on delete cascade,
  at timestamptz not null default now(),
  actor_id uuid,
  actor_role text not null check (actor_role in ('member', 'staff', 'system')),
  -- As the member may see it: 本人, or the bureau level and region (never a staff name).
  actor_label text not null,
  action text not null,
  from_state text,
  to_state text not null,
  note text
);
create index membership_events_membership on membership_events (membership_id, id);
