-- GB/T 2260 administrative divisions. Jurisdiction = a region and its subtree, so every
-- record that belongs to a place will carry a region path and be filtered with path <@.
create table regions (
  code char(6) primary key check (code ~ '^[1-9][0-9]{5}$'),
  name text not null check (length(name) between 1 and 64),
  level text not null check (level in ('province', 'city', 'county')),
  parent_code char(6) references regions (code),
  path ltree not null unique,
  check ((level = 'province') = (parent_code is null))
);
create index regions_path_gist on regions using gist (path);
create index regions_parent on regions (parent_code);
