-- The ledger's 参加活动的流动党员 (issue 19: "flow members who attended at least one"): each
-- attendance keeps whether the member was a flow member (流动党员, the rider's own answer on
-- their registration) when they attended, set by a trigger on insert (ledger_tallies.sql), so
-- the figure and its list count the same people whatever the registration says later.
alter table activity_attendances add column flow_member boolean not null default false;
update activity_attendances t
  set flow_member = (m.kind = 'rider' and m.form->>'flowMember' = 'true')
  from memberships m where m.id = t.membership_id;

-- How many of a member's attendances in a county and year were as a flow member: the
-- member counts once in activities.flow_members while it is above 0.
alter table activity_attendees
  add column flow_attended integer not null default 0 check (flow_attended >= 0);
update activity_attendees x set flow_attended = c.n
  from (
    select a.region_code, extract(year from a.starts_at at time zone 'Asia/Shanghai')::int as year,
      t.membership_id, count(*) as n
    from activity_attendances t join activities a on a.id = t.activity_id
    where a.state <> 'cancelled' and t.flow_member
    group by 1, 2, 3
  ) c
  where c.region_code = x.region_code and c.year = x.year and c.membership_id = x.membership_id;

insert into ledger_tallies (region_code, region_path, metric, key, class, value)
  select region_code, region_path, 'activities.flow_members', year::text, '', count(*)
  from activity_attendees where flow_attended > 0
  group by region_code, region_path, year;
