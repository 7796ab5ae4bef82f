-- Issue 18: probabilistic matching of entries to registers (Fellegi–Sunter).
--
-- The weights in force, versioned: each entry's evidence records the version it was
-- computed with. Version 1 is LINKAGE.md's starting set; `npm run linkage-weights -w
-- server` re-estimates u from random register pairs and stores the next version.
create table linkage_weights (
  version integer primary key,
  weights jsonb not null,
  note text not null,
  created_at timestamptz not null default now()
);
insert into linkage_weights (version, weights, note) values (1, '{
  "version": 1, "prior": -14.3, "threshold": 0.99,
  "idNumber": {"exact": 19.9, "corrected": 10.3, "different": -6.1},
  "mobile": {"exact": 15.2, "different": -2.1},
  "riderId": {"exact": 18.0},
  "name": {"m": 0.9, "exactCommon": 8.8, "exactRare": 16.5, "normalisedBelowExact": 1.0,
    "homophone": 6.0, "close": 4.5, "different": -5.6}
}', 'LINKAGE.md 起始权重');

-- The entry's ID number one slip away (id-corrections.ts), as the first 12 characters of
-- each candidate's blind index: compared with a register row's index, never decrypted.
alter table memberships add column id_number_near_bi jsonb;

-- Term-frequency weights count a name's rows in its register.
create index register_platform_roster_name on register_platform_roster (name_norm);
create index register_party_list_name on register_party_list (name_norm);

-- Rows of one import file that repeated an earlier row's natural key: the later row is
-- kept; disagreed says whether the two differed in anything but formatting.
create table register_import_duplicates (
  import_id uuid not null references register_imports (id) on delete cascade,
  line integer not null,
  kept_line integer not null,
  disagreed boolean not null,
  primary key (import_id, line)
);

-- An entry's ID one slip away is looked up by these prefixes (evidence.repository.ts).
create index register_party_list_id_near on register_party_list (left(id_number_bi, 12))
  where id_number_bi is not null;
