-- Repeatable: the 本级工作 figures of a ledger (server/src/work/summary.repository.ts calls
-- it once per count, six statements side by side), applied after the numbered migrations
-- whenever this file changes. A function so that each count's statement is planned once per
-- connection and then reused: planned afresh for every ledger, the six counts spent some
-- 3 ms in the planner for 0.7 ms of work, most of a county ledger's time. Six calls, not one
-- statement for all six: on the embedded database every statement holds the server's thread,
-- and one statement for all six held it long enough, through the freeze of every region, to
-- make requests wait (probe p99 305 ms against 35 ms). The metric names and the year's days
-- come in as arguments (the metric names live in ledgers/metrics.ts).
--
-- Every count comes back per bucket: with per_child the child region (one level below root,
-- as its path) a row lies in, '' for the root's own rows; without, '' for all of them.

create or replace function ledger_work_bucket(path ltree, root ltree, per_child boolean)
returns text language sql immutable as $$
  select case when per_child and nlevel(path) > nlevel(root)
    then subpath(path, 0, nlevel(root) + 1)::text else '' end
$$;

create or replace function ledger_work_count(
  which text, at_root ltree, by_child boolean, from_day date, to_day date,
  min_attendees integer, training_name text, trained_name text, year_text text
) returns json
language plpgsql stable as $$
declare
  result json;
begin
  -- Training sessions entered by hand in the year and their people; beside them the
  -- training activities (培训班) of ≥ 30 signed-in members and those members, from the
  -- tallies the activities keep (ledger_tallies.sql), keyed by the year.
  if which = 'training' then
    select coalesce(json_agg(g), '[]'::json) into result from (
        select ledger_work_bucket(x.path, at_root, by_child) as bucket,
          sum(x.sessions) as sessions, sum(x.people) as people,
          sum(x.activity_sessions) as "activitySessions",
          sum(x.activity_people) as "activityPeople"
        from (
          select s.region_path as path, 1::float8 as sessions, s.attendees::float8 as people,
            0::float8 as activity_sessions, 0::float8 as activity_people
          from training_sessions s
          where s.region_path <@ at_root and s.held_on between from_day and to_day
          union all
          select t.region_path, 0, 0,
            case when t.metric = training_name then t.value else 0 end::float8,
            case when t.metric = trained_name then t.value else 0 end::float8
          from ledger_tallies t
          where t.region_path <@ at_root and t.metric in (training_name, trained_name)
            and t.key = year_text) x
      group by 1) g;
  -- Counties, and those that held ≥ 1 session of ≥ min_attendees people in the year: entered
  -- by hand, or a training activity with that many signed in (its tally, one key probe).
  elsif which = 'targets' then
    select coalesce(json_agg(g), '[]'::json) into result from (
        select ledger_work_bucket(r.path, at_root, by_child) as bucket, count(*) as counties,
          count(*) filter (where exists (select 1 from training_sessions s
              where s.region_code = r.code and s.held_on between from_day and to_day
                and s.attendees >= min_attendees)
            or exists (select 1 from ledger_tallies t where t.region_code = r.code
              and t.metric = training_name and t.key = year_text and t.class = ''
              and t.value > 0)) as meeting
        from regions r
        where r.level = 'county' and r.path <@ at_root
      group by 1) g;
  -- Liaisons paired by the year's end; those and the organisations paired during it. One
  -- liaison: their staff account when named, otherwise the name as entered.
  elsif which = 'liaisons' then
    select coalesce(json_agg(g), '[]'::json) into result from (
        select ledger_work_bucket(p.region_path, at_root, by_child) as bucket,
          count(distinct coalesce(p.liaison_staff_id::text, 'name:' || p.liaison_name))
            as liaisons,
          count(distinct coalesce(p.liaison_staff_id::text, 'name:' || p.liaison_name))
            filter (where p.ended_on is null or p.ended_on >= from_day) as paired,
          count(distinct coalesce(p.organisation_uscc, 'name:' || p.organisation_name))
            filter (where p.ended_on is null or p.ended_on >= from_day) as organisations
        from liaison_pairs p
        where p.region_path <@ at_root and p.started_on <= to_day
      group by 1) g;
  elsif which = 'visits' then
    select coalesce(json_agg(g), '[]'::json) into result from (
        select ledger_work_bucket(p.region_path, at_root, by_child) as bucket,
          count(*) as visits,
          count(distinct coalesce(p.liaison_staff_id::text, 'name:' || p.liaison_name))
            as visitors
        from liaison_visits v join liaison_pairs p on p.id = v.pair_id
        where p.region_path <@ at_root and v.visited_on between from_day and to_day
      group by 1) g;
  -- 党建工作指导站 are places: the open ones count.
  elsif which = 'stations' then
    select coalesce(json_agg(g), '[]'::json) into result from (
        select ledger_work_bucket(p.region_path, at_root, by_child) as bucket,
          count(*) as stations
        from places p
        where p.kind = 'guidance_station' and p.status = 'open' and p.region_path <@ at_root
      group by 1) g;
  -- Cities and counties, and those whose 小个专党委 was set up by the year's end.
  elsif which = 'committees' then
    select coalesce(json_agg(g), '[]'::json) into result from (
        select ledger_work_bucket(r.path, at_root, by_child) as bucket,
          count(*) filter (where r.level = 'city') as cities,
          count(*) filter (where r.level = 'city' and c.set_up and c.set_up_on <= to_day)
            as "citiesSetUp",
          count(*) filter (where r.level = 'county') as counties,
          count(*) filter (where r.level = 'county' and c.set_up and c.set_up_on <= to_day)
            as "countiesSetUp"
        from regions r left join party_committees c on c.region_code = r.code
        where r.level in ('city', 'county') and r.path <@ at_root
      group by 1) g;
  else
    raise exception 'no work count named %', which;
  end if;
  return result;
end $$;

