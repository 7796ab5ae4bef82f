-- Ledgers (台账): tallies kept up to date by triggers in the same transaction as the change,
-- per county; a jurisdiction's figures are the sum over the counties under it. Reading a
-- province sums a few thousand rows instead of counting millions.
create table ledger_tallies (
  region_code char(6) not null references regions (code),
  region_path ltree not null,
  metric text not null,
  key text not null default '',
  -- 'reported' (self-reported, waiting for review), 'verified', or '' where it does not apply.
  class text not null default '',
  value bigint not null default 0,
  primary key (region_code, metric, key, class)
);
create index ledger_tallies_path on ledger_tallies using gist (region_path);
-- How long the oldest entry of a county has waited: one index probe per county.
create index memberships_pending_region on memberships (region_code, queued_at)
  where state in ('submitted', 'resubmitted', 'needs_info');

-- Adds each (metric, key, class, amount) of `rows` to the tallies of one region.
create function ledger_add(p_region char(6), p_path ltree, p_rows jsonb) returns void
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
create function ledger_membership_rows(m memberships, sign int) returns jsonb
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

create function ledger_memberships_trigger() returns trigger
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
create trigger ledger_memberships after insert or update or delete on memberships
  for each row execute function ledger_memberships_trigger();

-- Care network: open places by kind, facility and round-the-clock.
create function ledger_place_rows(p places, sign int) returns jsonb
language plpgsql stable as $$
begin
  return (select coalesce(jsonb_agg(jsonb_build_object('metric', x.metric, 'key', x.key, 'class', '', 'amount', sign)), '[]')
  from (
    select 'care.kind' as metric, p.kind as key where p.status = 'open'
    union all select 'care.always_open', p.kind where p.status = 'open' and p.always_open
    union all select 'care.facility', f from unnest(p.facilities) f where p.status = 'open'
  ) x);
end $$;

create function ledger_places_trigger() returns trigger
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
create trigger ledger_places after insert or update of status, kind, always_open, facilities, region_code or delete
  on places for each row execute function ledger_places_trigger();

-- Rows that outlive the lookup of their parent in a cascade carry the region they count in.
alter table branch_checkins add column ledger_region char(6), add column ledger_path ltree,
  add column ledger_platform text;
alter table pledge_ratings add column ledger_region char(6), add column ledger_path ltree;
alter table pledge_reports add column ledger_region char(6), add column ledger_path ltree;
alter table pledge_evaluations add column ledger_region char(6), add column ledger_path ltree;

create function ledger_stamp_checkin() returns trigger
language plpgsql as $$
begin
  select m.region_code, m.region_path, coalesce(m.platform, '')
    into new.ledger_region, new.ledger_path, new.ledger_platform
    from memberships m where m.id = new.membership_id;
  return new;
end $$;
create trigger ledger_stamp_checkins before insert on branch_checkins
  for each row execute function ledger_stamp_checkin();

create function ledger_stamp_from_pledge() returns trigger
language plpgsql as $$
begin
  select p.region_code, p.region_path into new.ledger_region, new.ledger_path
    from pledges p where p.id = new.pledge_id;
  return new;
end $$;
create trigger ledger_stamp_ratings before insert on pledge_ratings
  for each row execute function ledger_stamp_from_pledge();
create trigger ledger_stamp_reports before insert on pledge_reports
  for each row execute function ledger_stamp_from_pledge();
create trigger ledger_stamp_evaluations before insert on pledge_evaluations
  for each row execute function ledger_stamp_from_pledge();

-- Check-ins (报到) confirmed, by the rider's platform.
create function ledger_checkins_trigger() returns trigger
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
create trigger ledger_checkins after insert or update of state or delete on branch_checkins
  for each row execute function ledger_checkins_trigger();

-- Pledges shown (approved and active) and suspended, by kind.
create function ledger_pledge_rows(p pledges, sign int) returns jsonb
language plpgsql stable as $$
begin
  return (select coalesce(jsonb_agg(jsonb_build_object('metric', x.metric, 'key', p.kind, 'class', '', 'amount', sign)), '[]')
  from (
    select 'pledges.public' as metric where p.public_version_id is not null and p.status = 'active'
    union all select 'pledges.suspended' where p.public_version_id is not null and p.status = 'suspended'
  ) x);
end $$;

create function ledger_pledges_trigger() returns trigger
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
create trigger ledger_pledges after insert or update of status, public_version_id or delete
  on pledges for each row execute function ledger_pledges_trigger();

-- Public ratings (sum and count, for the average), reports opened and answered, awards.
create function ledger_feedback_trigger() returns trigger
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
create trigger ledger_ratings after insert or delete on pledge_ratings
  for each row execute function ledger_feedback_trigger();
create trigger ledger_reports after insert or update of outcome or delete on pledge_reports
  for each row execute function ledger_feedback_trigger();
create trigger ledger_evaluations after insert or update of award or delete on pledge_evaluations
  for each row execute function ledger_feedback_trigger();

-- Every tally from scratch: what the triggers maintain, recomputed from the raw rows. Used
-- by the tests (they must agree) and to rebuild after a bulk load.
create function ledger_recount() returns table (region_code char(6), metric text, key text, class text, value bigint)
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
  )
  select region_code, metric, key, class, sum(amount)::bigint from rows
  where region_code is not null
  group by region_code, metric, key, class
  having sum(amount) <> 0
$$;

-- What is already there counts from the start.
update branch_checkins c set ledger_region = m.region_code, ledger_path = m.region_path,
  ledger_platform = coalesce(m.platform, '')
  from memberships m where m.id = c.membership_id;
update pledge_ratings x set ledger_region = p.region_code, ledger_path = p.region_path
  from pledges p where p.id = x.pledge_id;
update pledge_reports x set ledger_region = p.region_code, ledger_path = p.region_path
  from pledges p where p.id = x.pledge_id;
update pledge_evaluations x set ledger_region = p.region_code, ledger_path = p.region_path
  from pledges p where p.id = x.pledge_id;
insert into ledger_tallies (region_code, region_path, metric, key, class, value)
  select c.region_code, r.path, c.metric, c.key, c.class, c.value
  from ledger_recount() c join regions r on r.code = c.region_code;
