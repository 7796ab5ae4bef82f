-- Repeatable: what a ledger reads (server/src/ledgers/ledgers.repository.ts), applied after
-- the numbered migrations whenever this file changes. Functions so that each statement is
-- planned once per connection, and so that a county's ledger reads everything in one round
-- trip (ledger_county_reads): its tallies, the oldest entry waiting, and the six 本级工作
-- counts of work_figures.sql. A county's ledger was eleven statements, and on a 2-core
-- machine the cost of sending and answering each one, more than the work in them, made
-- most of its time. A city's and the province's ledgers still ask in parallel statements:
-- on the embedded database one statement holds the server's thread, and one statement for
-- a province's work would hold it too long (work_figures.sql says more).

-- Every tally of a jurisdiction, summed over the counties under it: [{metric, key, class,
-- value}].
create or replace function ledger_tally_rows(at_root ltree) returns json
language plpgsql stable as $$
declare
  result json;
begin
  select coalesce(json_agg(g), '[]'::json) into result from (
    select t.metric, t.key, t.class, sum(t.value)::float8 as value
    from ledger_tallies t
    where t.region_path <@ at_root
    group by t.metric, t.key, t.class) g;
  return result;
end $$;

-- When the oldest entry still waiting joined the queue: the earliest per county (one probe
-- of memberships_pending_region each), then the earliest of those.
create or replace function ledger_oldest_pending(at_root ltree) returns timestamptz
language plpgsql stable as $$
declare
  result timestamptz;
begin
  select min((
    select min(m.queued_at) from memberships m
    where m.region_code = r.code and m.state in ('submitted', 'resubmitted', 'needs_info')
  )) into result
  from regions r
  where r.path <@ at_root and r.level = 'county';
  return result;
end $$;

-- A county's whole ledger read in one statement: {tallies, oldest, work: {training,
-- targets, liaisons, visits, stations, committees}}, each as the functions above and
-- ledger_work_count answer it alone.
create or replace function ledger_county_reads(
  at_root ltree, from_day date, to_day date, min_attendees integer,
  training_name text, trained_name text, year_text text
) returns json
language plpgsql stable as $$
begin
  return json_build_object(
    'tallies', ledger_tally_rows(at_root),
    'oldest', ledger_oldest_pending(at_root),
    'work', (select json_object_agg(w.which, ledger_work_count(w.which, at_root, false,
        from_day, to_day, min_attendees, training_name, trained_name, year_text))
      from unnest(array['training', 'targets', 'liaisons', 'visits', 'stations',
        'committees']) as w(which)));
end $$;
