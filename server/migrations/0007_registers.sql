-- Registers staff import to check self-reported entries. One row per natural key: a later
-- import of the same key replaces the earlier row. Mobiles and ID numbers are encrypted,
-- with blind indexes for matching; names are kept with a normalised copy.
create table register_imports (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('business', 'annual_report', 'platform_roster', 'party_list')),
  file_name text not null,
  imported_by uuid not null references users (id),
  region_code char(6) not null references regions (code),
  region_path ltree not null,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  rows_read integer not null default 0,
  rows_accepted integer not null default 0,
  rows_rejected integer not null default 0,
  evidence_recomputed integer not null default 0
);
create index register_imports_region_path on register_imports using gist (region_path);

-- Why each rejected row was refused; never the row's values (they may be personal data).
create table register_import_rejects (
  import_id uuid not null references register_imports (id) on delete cascade,
  line integer not null,
  field text,
  reason text not null,
  primary key (import_id, line, reason)
);

create table register_business (
  uscc char(18) primary key,
  name text not null,
  name_norm text not null,
  legal_representative text not null,
  legal_representative_norm text not null,
  status text not null,
  -- 存续/在业/开业 count as active; 注销/吊销/迁出 do not.
  active boolean not null,
  region_code char(6) not null references regions (code),
  region_path ltree not null,
  import_id uuid not null references register_imports (id)
);

create table register_annual_report (
  uscc char(18) primary key,
  member_count integer not null check (member_count >= 0),
  has_organisation boolean not null,
  region_path ltree not null,
  import_id uuid not null references register_imports (id)
);

create table register_platform_roster (
  -- A single-column key lets rotate-keys walk the table; the natural key is unique below.
  id bigint generated always as identity primary key,
  platform text not null,
  rider_id_norm text not null,
  name text not null,
  name_norm text not null,
  mobile_enc text not null,
  mobile_bi text not null,
  is_member boolean not null,
  region_code char(6) not null references regions (code),
  region_path ltree not null,
  import_id uuid not null references register_imports (id),
  unique (platform, rider_id_norm)
);
create index register_platform_roster_mobile on register_platform_roster (mobile_bi);

create table register_party_list (
  id bigint generated always as identity primary key,
  name text not null,
  name_norm text not null,
  id_number_enc text,
  id_number_bi text unique,
  mobile_enc text,
  mobile_bi text,
  organisation text not null,
  region_code char(6) not null references regions (code),
  region_path ltree not null,
  import_id uuid not null references register_imports (id),
  check (id_number_bi is not null or mobile_bi is not null)
);
create unique index register_party_list_name_mobile on register_party_list (name_norm, mobile_bi)
  where id_number_bi is null;
create index register_party_list_mobile on register_party_list (mobile_bi);
