-- The geo (nearby) and tree (jurisdiction) indexes need these. On PostgreSQL 15 only a
-- superuser may create cube/earthdistance: a DBA creates them first (see README), and
-- "if not exists" makes this a no-op then.
create extension if not exists cube;
create extension if not exists earthdistance;
create extension if not exists ltree;
create extension if not exists pgcrypto;
