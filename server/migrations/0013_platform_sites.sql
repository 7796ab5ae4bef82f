-- Delivery platforms' local sites (站点: a platform's station in a county) and whether each
-- has a Party organisation, kept by county staff. The riders ledger counts the active ones
-- per platform: organised (组织覆盖), work-covered (no organisation, but a 党建工作指导员),
-- and the riders and member riders the sites report.
create table platform_sites (
  id uuid primary key default gen_random_uuid(),
  platform text not null
    check (platform in ('meituan', 'eleme', 'pupu', 'sf_intra_city', 'dada', 'shansong', 'other')),
  name text not null check (length(name) between 2 and 60),
  -- Always a county.
  region_code char(6) not null references regions (code),
  region_path ltree not null,
  address text,
  rider_count integer check (rider_count >= 0),
  member_rider_count integer not null default 0 check (member_rider_count >= 0),
  org_form text not null default 'none' check (org_form in
    ('none', 'standalone_branch', 'joint_branch', 'flow_branch', 'general_branch', 'committee')),
  org_name text,
  instructor text,
  status text not null default 'active' check (status in ('active', 'closed')),
  demo boolean not null default false,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (rider_count is null or member_rider_count <= rider_count),
  check ((org_form = 'none') = (org_name is null))
);
create index platform_sites_region on platform_sites using gist (region_path);
-- A platform has one open site of a name per county; a closed one may be opened again.
create unique index platform_sites_open_name on platform_sites (region_code, platform, name)
  where status = 'active';

-- What one site counts for: active sites only, by platform.
create function ledger_platform_site_rows(s platform_sites, sign int) returns jsonb
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

create function ledger_platform_sites_trigger() returns trigger
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
create trigger ledger_platform_sites after insert or update or delete on platform_sites
  for each row execute function ledger_platform_sites_trigger();

-- The from-scratch truth now includes the sites: 0010's body plus one branch.
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
  )
  select region_code, metric, key, class, sum(amount)::bigint from rows
  where region_code is not null
  group by region_code, metric, key, class
  having sum(amount) <> 0
$$;
