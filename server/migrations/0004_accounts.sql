-- People who sign in: mini-program users (by WeChat openid) and bureau staff (by username).
create table users (
  id uuid primary key default gen_random_uuid(),
  role text not null check (role in ('user', 'staff')),
  display_name text not null default '',
  kind text check (kind in ('rider', 'operator', 'market_opener')),
  openid text unique,
  unionid text,
  privacy_version text,
  privacy_accepted_at timestamptz,
  disabled_at timestamptz,
  -- Set when the person cancelled their account: personal fields are erased then.
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  check ((role = 'user') = (openid is not null) or deleted_at is not null)
);

create table staff_accounts (
  user_id uuid primary key references users (id),
  username text not null unique check (username ~ '^[a-z0-9_.-]{3,32}$'),
  password_hash text not null,
  level text not null check (level in ('station', 'county', 'city', 'province')),
  region_code char(6) not null references regions (code),
  -- Copied from regions.path: jurisdiction checks are one `<@` on this row.
  region_path ltree not null,
  station_name text,
  totp_secret text,
  totp_enabled boolean not null default false,
  totp_last_step bigint,
  failed_attempts integer not null default 0,
  locked_until timestamptz,
  created_by uuid references users (id),
  check ((level = 'station') = (station_name is not null))
);
create index staff_accounts_region_path on staff_accounts using gist (region_path);

-- Opaque refresh tokens, stored as SHA-256; each sign-in starts a family, each refresh
-- rotates within it, and reuse of a rotated token revokes the whole family.
create table refresh_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id),
  family_id uuid not null,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  rotated_at timestamptz,
  revoked_at timestamptz
);
create index refresh_tokens_family on refresh_tokens (family_id);
create index refresh_tokens_user on refresh_tokens (user_id);
