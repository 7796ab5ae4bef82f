-- The ledgers learn from activities (issue 19): each activity keeps its own count of active
-- sign-ups and of attendances, moved by triggers under the activity's row lock, so the
-- tallies that depend on them (sign-ups, attendances, training sessions of ≥ 30 people)
-- change with the activity's own row (server/migrations/repeatable/ledger_tallies.sql).
alter table activities
  add column signups_active integer not null default 0 check (signups_active >= 0),
  add column attended integer not null default 0 check (attended >= 0);
update activities a set
  signups_active = (select count(*) from activity_signups s
    where s.activity_id = a.id and s.state = 'active'),
  attended = (select count(*) from activity_attendances t where t.activity_id = a.id);

-- The members who attended at least one counted (not cancelled) activity held in a county
-- in a year (China time, of the activity's start), with how many they attended: the
-- ledger's 参加活动党员 is the number of these rows, and its list is these rows.
create table activity_attendees (
  region_code char(6) not null references regions (code),
  region_path ltree not null,
  year integer not null,
  membership_id uuid not null,
  attended integer not null check (attended >= 0),
  primary key (region_code, year, membership_id)
);
create index activity_attendees_path on activity_attendees using gist (region_path);
insert into activity_attendees (region_code, region_path, year, membership_id, attended)
  select a.region_code, a.region_path,
    extract(year from a.starts_at at time zone 'Asia/Shanghai')::int, t.membership_id, count(*)
  from activity_attendances t join activities a on a.id = t.activity_id
  where a.state <> 'cancelled'
  group by 1, 2, 3, 4;

-- The ledger's lists of activities, by county then title.
create index activities_region_title on activities (region_code, title, id);

-- What is already there counts from the start (the rules of ledger_activity_rows).
insert into ledger_tallies (region_code, region_path, metric, key, class, value)
  select region_code, region_path, metric, key, '', sum(amount) from (
    select a.region_code, a.region_path, x.metric, x.key, x.amount
    from activities a,
      lateral (select extract(year from a.starts_at at time zone 'Asia/Shanghai')::int::text as y) y,
      lateral (
        select 'activities.kind' as metric, y.y || ':' || a.kind as key, 1::bigint as amount
        union all select 'activities.signups', y.y || ':' || a.kind, a.signups_active
        union all select 'activities.attendances', y.y || ':' || a.kind, a.attended
        union all select 'activities.training', y.y, 1 where a.kind = 'training' and a.attended >= 30
        union all select 'activities.trained', y.y, a.attended
          where a.kind = 'training' and a.attended >= 30
      ) x
    where a.state <> 'cancelled'
    union all
    select region_code, region_path, 'activities.members', year::text, 1 from activity_attendees
  ) rows
  group by region_code, region_path, metric, key
  having sum(amount) <> 0;
