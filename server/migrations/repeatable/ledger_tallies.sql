-- Repeatable: the current definition of every function and trigger that keeps the ledger
-- tallies (台账), applied after the numbered migrations whenever this file changes
-- (server/src/db/migrate.ts). Change them here, never in a numbered migration. The metric
-- names written here and the form answers read are the ones of server/src/ledgers/metrics.ts
-- (test/ledger-metrics.test.ts holds them together).

-- Adds each (metric, key, class, amount) of `rows` to the tallies of one region.
create or replace function ledger_add(p_region char(6), p_path ltree, p_rows jsonb) returns void
language plpgsql as $$
begin
  if p_region is null or p_rows is null or jsonb_array_length(p_rows) = 0 then
    return;
  end if;
  insert into ledger_tallies as t (region_code, region_path, metric, key, class, value)
  select p_region, p_path, r.metric, r.key, r.class, sum(r.amount)
  from jsonb_to_recordset(p_rows) as r(metric text, key text, class text, amount bigint)
  group by r.metric, r.key, r.class
  having sum(r.amount) <> 0
  on conflict (region_code, metric, key, class) do update set value = t.value + excluded.value;
end $$;

-- What one registration counts for. Drafts and withdrawn entries count for nothing.
create or replace function ledger_membership_rows(m memberships, sign int) returns jsonb
language plpgsql stable as $$
begin
  return (with c as (
    select case
      when m.state = 'verified' then 'verified'
      when m.state in ('submitted', 'resubmitted', 'needs_info') then 'reported'
    end as class,
    coalesce(m.platform, '') as platform
  )
  select coalesce(jsonb_agg(jsonb_build_object('metric', x.metric, 'key', x.key, 'class', x.class, 'amount', x.amount * sign)), '[]')
  from c, lateral (
    select 'members.state' as metric, m.state as key, '' as class, 1::bigint as amount
      where m.state not in ('draft', 'withdrawn')
    union all select 'members.kind', m.kind, c.class, 1 where c.class is not null
    union all select 'riders.platform', c.platform, c.class, 1 where c.class is not null and m.kind = 'rider'
    union all select 'riders.full', c.platform, c.class, 1
      where c.class is not null and m.kind = 'rider' and m.form->>'memberType' = 'full'
    union all select 'riders.probationary', c.platform, c.class, 1
      where c.class is not null and m.kind = 'rider' and m.form->>'memberType' = 'probationary'
    union all select 'riders.flow', c.platform, c.class, 1
      where c.class is not null and m.kind = 'rider' and m.form->>'flowMember' = 'true'
    union all select 'operators.in_market', '', c.class, 1
      where c.class is not null and m.kind = 'operator' and m.form->>'inMarket' = 'true'
    union all select 'markets.count', coalesce(m.form->>'orgForm', 'none'), c.class, 1
      where c.class is not null and m.kind = 'market_opener'
    union all select 'markets.stalls', '', c.class, coalesce((m.form->>'stallCount')::bigint, 0)
      where c.class is not null and m.kind = 'market_opener'
    union all select 'markets.member_stalls', '', c.class, coalesce((m.form->>'memberStallOwnerCount')::bigint, 0)
      where c.class is not null and m.kind = 'market_opener'
  ) x);
end $$;

create or replace function ledger_memberships_trigger() returns trigger
language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.state = new.state and old.kind = new.kind
     and old.form = new.form and old.region_code is not distinct from new.region_code
     and old.platform is not distinct from new.platform then
    return null;
  end if;
  if tg_op = 'UPDATE' and old.region_code is not distinct from new.region_code then
    -- One upsert for both sides; what did not change cancels out.
    perform ledger_add(new.region_code, new.region_path, ledger_membership_rows(old, -1) || ledger_membership_rows(new, 1));
    return null;
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    perform ledger_add(old.region_code, old.region_path, ledger_membership_rows(old, -1));
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform ledger_add(new.region_code, new.region_path, ledger_membership_rows(new, 1));
  end if;
  return null;
end $$;

drop trigger if exists ledger_memberships on memberships;
create trigger ledger_memberships after insert or update or delete on memberships
  for each row execute function ledger_memberships_trigger();

-- Care network: open places by kind, facility and round-the-clock.
create or replace function ledger_place_rows(p places, sign int) returns jsonb
language plpgsql stable as $$
begin
  return (select coalesce(jsonb_agg(jsonb_build_object('metric', x.metric, 'key', x.key, 'class', '', 'amount', sign)), '[]')
  from (
    select 'care.kind' as metric, p.kind as key where p.status = 'open'
    union all select 'care.always_open', p.kind where p.status = 'open' and p.always_open
    union all select 'care.facility', f from unnest(p.facilities) f where p.status = 'open'
  ) x);
end $$;

create or replace function ledger_places_trigger() returns trigger
language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.region_code is not distinct from new.region_code then
    -- One upsert for both sides; what did not change cancels out.
    perform ledger_add(new.region_code, new.region_path, ledger_place_rows(old, -1) || ledger_place_rows(new, 1));
    return null;
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    perform ledger_add(old.region_code, old.region_path, ledger_place_rows(old, -1));
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform ledger_add(new.region_code, new.region_path, ledger_place_rows(new, 1));
  end if;
  return null;
end $$;

-- Inserts count once per statement, from its new rows (a place import writes thousands in
-- one transaction: 0017); updates and deletes count per row.
create or replace function ledger_places_inserted() returns trigger
language plpgsql as $$
begin
  perform ledger_add(g.region_code, g.region_path, g.tally_rows)
  from (
    select i.region_code, i.region_path, jsonb_agg(r.tally_row) as tally_rows
    from inserted i, jsonb_array_elements(ledger_place_rows(i, 1)) as r(tally_row)
    group by i.region_code, i.region_path
  ) g;
  return null;
end $$;

drop trigger if exists ledger_places on places;
create trigger ledger_places after update of status, kind, always_open, facilities, region_code or delete
  on places for each row execute function ledger_places_trigger();

drop trigger if exists ledger_places_inserted on places;
create trigger ledger_places_inserted after insert on places
  referencing new table as inserted for each statement execute function ledger_places_inserted();

-- Rows that outlive the lookup of their parent in a cascade carry the region they count in.
create or replace function ledger_stamp_checkin() returns trigger
language plpgsql as $$
begin
  select m.region_code, m.region_path, coalesce(m.platform, '')
    into new.ledger_region, new.ledger_path, new.ledger_platform
    from memberships m where m.id = new.membership_id;
  return new;
end $$;

drop trigger if exists ledger_stamp_checkins on branch_checkins;
create trigger ledger_stamp_checkins before insert on branch_checkins
  for each row execute function ledger_stamp_checkin();

create or replace function ledger_stamp_from_pledge() returns trigger
language plpgsql as $$
begin
  select p.region_code, p.region_path into new.ledger_region, new.ledger_path
    from pledges p where p.id = new.pledge_id;
  return new;
end $$;

drop trigger if exists ledger_stamp_ratings on pledge_ratings;
create trigger ledger_stamp_ratings before insert on pledge_ratings
  for each row execute function ledger_stamp_from_pledge();

drop trigger if exists ledger_stamp_reports on pledge_reports;
create trigger ledger_stamp_reports before insert on pledge_reports
  for each row execute function ledger_stamp_from_pledge();

drop trigger if exists ledger_stamp_evaluations on pledge_evaluations;
create trigger ledger_stamp_evaluations before insert on pledge_evaluations
  for each row execute function ledger_stamp_from_pledge();

-- Check-ins (报到) confirmed, by the rider's platform.
create or replace function ledger_checkins_trigger() returns trigger
language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') and old.state = 'approved' then
    perform ledger_add(old.ledger_region, old.ledger_path, jsonb_build_array(jsonb_build_object(
      'metric', 'riders.joined_branch', 'key', old.ledger_platform, 'class', '', 'amount', -1)));
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.state = 'approved' then
    perform ledger_add(new.ledger_region, new.ledger_path, jsonb_build_array(jsonb_build_object(
      'metric', 'riders.joined_branch', 'key', new.ledger_platform, 'class', '', 'amount', 1)));
  end if;
  return null;
end $$;

drop trigger if exists ledger_checkins on branch_checkins;
create trigger ledger_checkins after insert or update of state or delete on branch_checkins
  for each row execute function ledger_checkins_trigger();

-- Pledges shown (approved and active) and suspended, by kind.
create or replace function ledger_pledge_rows(p pledges, sign int) returns jsonb
language plpgsql stable as $$
begin
  return (select coalesce(jsonb_agg(jsonb_build_object('metric', x.metric, 'key', p.kind, 'class', '', 'amount', sign)), '[]')
  from (
    select 'pledges.public' as metric where p.public_version_id is not null and p.status = 'active'
    union all select 'pledges.suspended' where p.public_version_id is not null and p.status = 'suspended'
  ) x);
end $$;

create or replace function ledger_pledges_trigger() returns trigger
language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.region_code is not distinct from new.region_code then
    -- One upsert for both sides; what did not change cancels out.
    perform ledger_add(new.region_code, new.region_path, ledger_pledge_rows(old, -1) || ledger_pledge_rows(new, 1));
    return null;
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    perform ledger_add(old.region_code, old.region_path, ledger_pledge_rows(old, -1));
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform ledger_add(new.region_code, new.region_path, ledger_pledge_rows(new, 1));
  end if;
  return null;
end $$;

drop trigger if exists ledger_pledges on pledges;
create trigger ledger_pledges after insert or update of status, public_version_id or delete
  on pledges for each row execute function ledger_pledges_trigger();

-- Public ratings (sum and count, for the average), reports opened and answered, awards.
create or replace function ledger_feedback_trigger() returns trigger
language plpgsql as $$
declare
  rows_old jsonb := '[]';
  rows_new jsonb := '[]';
begin
  if tg_table_name = 'pledge_ratings' then
    if tg_op = 'DELETE' then
      rows_old := jsonb_build_array(
        jsonb_build_object('metric', 'pledges.rating_sum', 'key', '', 'class', '', 'amount', -old.score),
        jsonb_build_object('metric', 'pledges.rating_count', 'key', '', 'class', '', 'amount', -1));
    elsif tg_op = 'INSERT' then
      rows_new := jsonb_build_array(
        jsonb_build_object('metric', 'pledges.rating_sum', 'key', '', 'class', '', 'amount', new.score),
        jsonb_build_object('metric', 'pledges.rating_count', 'key', '', 'class', '', 'amount', 1));
    end if;
  elsif tg_table_name = 'pledge_reports' then
    if tg_op in ('UPDATE', 'DELETE') then
      rows_old := jsonb_build_array(jsonb_build_object('metric', 'pledges.reports',
        'key', coalesce(old.outcome, 'open'), 'class', '', 'amount', -1));
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
      rows_new := jsonb_build_array(jsonb_build_object('metric', 'pledges.reports',
        'key', coalesce(new.outcome, 'open'), 'class', '', 'amount', 1));
    end if;
  else
    if tg_op in ('UPDATE', 'DELETE') and old.award then
      rows_old := jsonb_build_array(jsonb_build_object('metric', 'pledges.awards',
        'key', old.period, 'class', '', 'amount', -1));
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.award then
      rows_new := jsonb_build_array(jsonb_build_object('metric', 'pledges.awards',
        'key', new.period, 'class', '', 'amount', 1));
    end if;
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    perform ledger_add(old.ledger_region, old.ledger_path, rows_old);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform ledger_add(new.ledger_region, new.ledger_path, rows_new);
  end if;
  return null;
end $$;

drop trigger if exists ledger_ratings on pledge_ratings;
create trigger ledger_ratings after insert or delete on pledge_ratings
  for each row execute function ledger_feedback_trigger();

drop trigger if exists ledger_reports on pledge_reports;
create trigger ledger_reports after insert or update of outcome or delete on pledge_reports
  for each row execute function ledger_feedback_trigger();

drop trigger if exists ledger_evaluations on pledge_evaluations;
create trigger ledger_evaluations after insert or update of award or delete on pledge_evaluations
  for each row execute function ledger_feedback_trigger();

-- What one site counts for: active sites only, by platform.
create or replace function ledger_platform_site_rows(s platform_sites, sign int) returns jsonb
language plpgsql stable as $$
begin
  return (select coalesce(jsonb_agg(jsonb_build_object('metric', x.metric, 'key', s.platform, 'class', '', 'amount', x.amount * sign)), '[]')
  from (
    select 'riders.sites' as metric, 1::bigint as amount
    union all select 'riders.sites_organised', 1 where s.org_form <> 'none'
    union all select 'riders.sites_work_covered', 1
      where s.org_form = 'none' and coalesce(s.instructor, '') <> ''
    union all select 'riders.site_riders', coalesce(s.rider_count, 0)
    union all select 'riders.site_member_riders', s.member_rider_count
  ) x where s.status = 'active');
end $$;

create or replace function ledger_platform_sites_trigger() returns trigger
language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.region_code is not distinct from new.region_code then
    -- One upsert for both sides; what did not change cancels out.
    perform ledger_add(new.region_code, new.region_path, ledger_platform_site_rows(old, -1) || ledger_platform_site_rows(new, 1));
    return null;
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    perform ledger_add(old.region_code, old.region_path, ledger_platform_site_rows(old, -1));
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform ledger_add(new.region_code, new.region_path, ledger_platform_site_rows(new, 1));
  end if;
  return null;
end $$;

drop trigger if exists ledger_platform_sites on platform_sites;
create trigger ledger_platform_sites after insert or update or delete on platform_sites
  for each row execute function ledger_platform_sites_trigger();

-- Activities (组织生活, issue 19), in the county of the venue and the year (China time) the
-- activity starts: held ones (published or closed, never cancelled) by kind, their active
-- sign-ups and their attendances (the signed-in rows: closing freezes them), and training
-- sessions (培训班) of ≥ 30 signed-in people with those people, for the work targets. The
-- counts come from the activity's own columns (signups_active, attended: migration 0025).
create or replace function ledger_activity_year(p_at timestamptz) returns int
language sql immutable as $$
  select extract(year from p_at at time zone 'Asia/Shanghai')::int
$$;

create or replace function ledger_activity_rows(a activities, signups bigint, attended bigint, sign int)
returns jsonb
language plpgsql stable as $$
declare
  y text := ledger_activity_year(a.starts_at)::text;
begin
  return (select coalesce(jsonb_agg(jsonb_build_object('metric', x.metric, 'key', x.key, 'class', '', 'amount', x.amount * sign)), '[]')
  from (
    select 'activities.kind' as metric, y || ':' || a.kind as key, 1::bigint as amount
    union all select 'activities.signups', y || ':' || a.kind, signups
    union all select 'activities.attendances', y || ':' || a.kind, attended
    union all select 'activities.training', y, 1 where a.kind = 'training' and attended >= 30
    union all select 'activities.trained', y, attended where a.kind = 'training' and attended >= 30
  ) x where a.state <> 'cancelled' and x.amount <> 0);
end $$;

-- One member's attendance at a counted activity of a county and year, added or taken away
-- (p_flow: whether it was as a flow member, 0 or p_delta): the member counts once in
-- activities.members while they have at least one, and once in activities.flow_members
-- while at least one of them was as a flow member (0030_activity_flow_members.sql).
drop function if exists ledger_attendee_add(char(6), ltree, int, uuid, int);
create or replace function ledger_attendee_add(p_region char(6), p_path ltree, p_year int,
  p_member uuid, p_delta int, p_flow int) returns void
language plpgsql as $$
declare
  now_attended int;
  now_flow int;
begin
  insert into activity_attendees as t
    (region_code, region_path, year, membership_id, attended, flow_attended)
  values (p_region, p_path, p_year, p_member, greatest(p_delta, 1), greatest(p_flow, 0))
  on conflict (region_code, year, membership_id) do update
    set attended = t.attended + p_delta, flow_attended = t.flow_attended + p_flow
  returning attended, flow_attended into now_attended, now_flow;
  if p_flow > 0 and now_flow = p_flow then
    perform ledger_add(p_region, p_path, jsonb_build_array(jsonb_build_object(
      'metric', 'activities.flow_members', 'key', p_year::text, 'class', '', 'amount', 1)));
  elsif p_flow < 0 and now_flow = 0 then
    perform ledger_add(p_region, p_path, jsonb_build_array(jsonb_build_object(
      'metric', 'activities.flow_members', 'key', p_year::text, 'class', '', 'amount', -1)));
  end if;
  if p_delta > 0 and now_attended = p_delta then
    perform ledger_add(p_region, p_path, jsonb_build_array(jsonb_build_object(
      'metric', 'activities.members', 'key', p_year::text, 'class', '', 'amount', 1)));
  elsif p_delta < 0 and now_attended = 0 then
    delete from activity_attendees
      where region_code = p_region and year = p_year and membership_id = p_member;
    perform ledger_add(p_region, p_path, jsonb_build_array(jsonb_build_object(
      'metric', 'activities.members', 'key', p_year::text, 'class', '', 'amount', -1)));
  end if;
end $$;

create or replace function ledger_activities_trigger() returns trigger
language plpgsql as $$
declare
  member record;
begin
  if tg_op = 'UPDATE' and old.region_code is not distinct from new.region_code then
    -- One upsert for both sides; what did not change cancels out.
    perform ledger_add(new.region_code, new.region_path,
      ledger_activity_rows(old, old.signups_active, old.attended, -1)
      || ledger_activity_rows(new, new.signups_active, new.attended, 1));
  else
    if tg_op in ('UPDATE', 'DELETE') then
      perform ledger_add(old.region_code, old.region_path,
        ledger_activity_rows(old, old.signups_active, old.attended, -1));
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
      perform ledger_add(new.region_code, new.region_path,
        ledger_activity_rows(new, new.signups_active, new.attended, 1));
    end if;
  end if;
  -- Cancelled, moved to another county or year: its attendees move with it.
  if tg_op = 'UPDATE' and ((old.state = 'cancelled') <> (new.state = 'cancelled')
      or old.region_code is distinct from new.region_code
      or ledger_activity_year(old.starts_at) <> ledger_activity_year(new.starts_at)) then
    for member in select t.membership_id, t.flow_member from activity_attendances t
        where t.activity_id = new.id loop
      if old.state <> 'cancelled' then
        perform ledger_attendee_add(old.region_code, old.region_path,
          ledger_activity_year(old.starts_at), member.membership_id, -1,
          case when member.flow_member then -1 else 0 end);
      end if;
      if new.state <> 'cancelled' then
        perform ledger_attendee_add(new.region_code, new.region_path,
          ledger_activity_year(new.starts_at), member.membership_id, 1,
          case when member.flow_member then 1 else 0 end);
      end if;
    end loop;
  end if;
  return null;
end $$;

drop trigger if exists ledger_activities on activities;
create trigger ledger_activities after insert
  or update of state, kind, starts_at, region_code, signups_active, attended or delete
  on activities for each row execute function ledger_activities_trigger();

-- A sign-up made, withdrawn or reopened moves its activity's count (under its row lock).
create or replace function ledger_activity_signups_trigger() returns trigger
language plpgsql as $$
declare
  delta int := 0;
begin
  if tg_op in ('UPDATE', 'DELETE') and old.state = 'active' then
    delta := delta - 1;
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.state = 'active' then
    delta := delta + 1;
  end if;
  if delta <> 0 then
    update activities set signups_active = signups_active + delta
      where id = coalesce(new.activity_id, old.activity_id);
  end if;
  return null;
end $$;

drop trigger if exists ledger_activity_signups on activity_signups;
create trigger ledger_activity_signups after insert or update of state or delete
  on activity_signups for each row execute function ledger_activity_signups_trigger();

-- An attendance counts for its activity and, once per county and year, for its member.
create or replace function ledger_activity_attendances_trigger() returns trigger
language plpgsql as $$
declare
  t activity_attendances;
  delta int;
  a activities;
begin
  if tg_op = 'INSERT' then t := new; delta := 1; else t := old; delta := -1; end if;
  update activities set attended = attended + delta where id = t.activity_id
    returning * into a;
  if a.id is not null and a.state <> 'cancelled' then
    perform ledger_attendee_add(a.region_code, a.region_path, ledger_activity_year(a.starts_at),
      t.membership_id, delta, case when t.flow_member then delta else 0 end);
  end if;
  return null;
end $$;

-- Whether the member attends as a flow member: the rider's own answer when they attend,
-- kept on the attendance (a later change of the registration does not move it); the
-- attendance counts in activities.flow_members through it.
create or replace function ledger_attendance_flow_trigger() returns trigger
language plpgsql as $$
begin
  new.flow_member := coalesce((select m.form->>'flowMember' = 'true' from memberships m
    where m.id = new.membership_id and m.kind = 'rider'), false);
  return new;
end $$;

drop trigger if exists ledger_attendance_flow on activity_attendances;
create trigger ledger_attendance_flow before insert on activity_attendances
  for each row execute function ledger_attendance_flow_trigger();

drop trigger if exists ledger_activity_attendances on activity_attendances;
create trigger ledger_activity_attendances after insert or delete
  on activity_attendances for each row execute function ledger_activity_attendances_trigger();

-- 监督共治 reports (issue 20), in the county a report lies with and the year (China time) it
-- was made: every report received, and those upheld (已核查属实并处理). 转办 to another county
-- moves both with it.
create or replace function ledger_supervision_rows(x supervision_reports, sign int) returns jsonb
language sql stable as $$
  select coalesce(jsonb_agg(jsonb_build_object('metric', r.metric, 'key', r.key, 'class', '',
    'amount', sign)), '[]')
  from (
    select 'supervision.reports' as metric, ledger_activity_year(x.created_at)::text as key
    union all select 'supervision.upheld', ledger_activity_year(x.created_at)::text
      where x.outcome = 'upheld'
  ) r
$$;

create or replace function ledger_supervision_trigger() returns trigger
language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.region_code is not distinct from new.region_code then
    perform ledger_add(new.region_code, new.region_path,
      ledger_supervision_rows(old, -1) || ledger_supervision_rows(new, 1));
  else
    if tg_op in ('UPDATE', 'DELETE') then
      perform ledger_add(old.region_code, old.region_path, ledger_supervision_rows(old, -1));
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
      perform ledger_add(new.region_code, new.region_path, ledger_supervision_rows(new, 1));
    end if;
  end if;
  return null;
end $$;

drop trigger if exists ledger_supervision_reports on supervision_reports;
create trigger ledger_supervision_reports after insert
  or update of outcome, region_code, created_at or delete
  on supervision_reports for each row execute function ledger_supervision_trigger();

-- Riders' difficulties (诉求, issue 20), in the county each lies with now and the China year
-- it was raised: raised, answered within a week (the first reply or the close no later than
-- 7 days after it was raised), and solved (closed as 已协调解决). The staff list filters by
-- the same expressions (difficulties.repository.ts), so each figure is its list's length.
create or replace function ledger_difficulty_rows(x difficulties, sign int) returns jsonb
language sql stable as $$
  select coalesce(jsonb_agg(jsonb_build_object('metric', r.metric, 'key', r.key, 'class', '',
    'amount', sign)), '[]')
  from (
    select 'difficulties.raised' as metric, ledger_activity_year(x.created_at)::text as key
    union all select 'difficulties.answered_within_week', ledger_activity_year(x.created_at)::text
      where x.answered_at is not null and x.answered_at <= x.created_at + interval '7 days'
    union all select 'difficulties.solved', ledger_activity_year(x.created_at)::text
      where x.outcome = 'solved'
  ) r
$$;

create or replace function ledger_difficulties_trigger() returns trigger
language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.region_code is not distinct from new.region_code then
    perform ledger_add(new.region_code, new.region_path,
      ledger_difficulty_rows(old, -1) || ledger_difficulty_rows(new, 1));
  else
    if tg_op in ('UPDATE', 'DELETE') then
      perform ledger_add(old.region_code, old.region_path, ledger_difficulty_rows(old, -1));
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
      perform ledger_add(new.region_code, new.region_path, ledger_difficulty_rows(new, 1));
    end if;
  end if;
  return null;
end $$;

drop trigger if exists ledger_difficulties on difficulties;
create trigger ledger_difficulties after insert
  or update of answered_at, outcome, region_code, created_at or delete
  on difficulties for each row execute function ledger_difficulties_trigger();

-- Every tally from scratch: what the triggers maintain, recomputed from the raw rows. Used
-- by the tests (they must agree) and to rebuild after a bulk load.
create or replace function ledger_recount() returns table (region_code char(6), metric text, key text, class text, value bigint)
language sql stable as $$
  with rows as (
    select m.region_code, r.* from memberships m,
      jsonb_to_recordset(ledger_membership_rows(m, 1)) as r(metric text, key text, class text, amount bigint)
    union all
    select p.region_code, r.* from places p,
      jsonb_to_recordset(ledger_place_rows(p, 1)) as r(metric text, key text, class text, amount bigint)
    union all
    select p.region_code, r.* from pledges p,
      jsonb_to_recordset(ledger_pledge_rows(p, 1)) as r(metric text, key text, class text, amount bigint)
    union all
    select s.region_code, r.* from platform_sites s,
      jsonb_to_recordset(ledger_platform_site_rows(s, 1)) as r(metric text, key text, class text, amount bigint)
    union all
    select c.ledger_region, 'riders.joined_branch', c.ledger_platform, '', 1
      from branch_checkins c where c.state = 'approved'
    union all
    select x.ledger_region, 'pledges.rating_sum', '', '', x.score from pledge_ratings x
    union all
    select x.ledger_region, 'pledges.rating_count', '', '', 1 from pledge_ratings x
    union all
    select x.ledger_region, 'pledges.reports', coalesce(x.outcome, 'open'), '', 1 from pledge_reports x
    union all
    select x.ledger_region, 'pledges.awards', x.period, '', 1 from pledge_evaluations x where x.award
    union all
    select a.region_code, r.* from activities a,
      lateral (select
        (select count(*) from activity_signups s where s.activity_id = a.id and s.state = 'active') as signups,
        (select count(*) from activity_attendances t where t.activity_id = a.id) as attended) c,
      jsonb_to_recordset(ledger_activity_rows(a, c.signups, c.attended, 1))
        as r(metric text, key text, class text, amount bigint)
    union all
    select d.region_code, 'activities.members', d.year::text, '', 1 from (
      select distinct a.region_code, ledger_activity_year(a.starts_at) as year, t.membership_id
      from activity_attendances t join activities a on a.id = t.activity_id
      where a.state <> 'cancelled'
    ) d
    union all
    select d.region_code, 'activities.flow_members', d.year::text, '', 1 from (
      select distinct a.region_code, ledger_activity_year(a.starts_at) as year, t.membership_id
      from activity_attendances t join activities a on a.id = t.activity_id
      where a.state <> 'cancelled' and t.flow_member
    ) d
    union all
    select x.region_code, r.* from supervision_reports x,
      jsonb_to_recordset(ledger_supervision_rows(x, 1)) as r(metric text, key text, class text, amount bigint)
    union all
    select x.region_code, r.* from difficulties x,
      jsonb_to_recordset(ledger_difficulty_rows(x, 1)) as r(metric text, key text, class text, amount bigint)
  )
  select region_code, metric, key, class, sum(amount)::bigint from rows
  where region_code is not null
  group by region_code, metric, key, class
  having sum(amount) <> 0
$$;
