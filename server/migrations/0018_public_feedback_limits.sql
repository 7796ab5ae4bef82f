-- The per-device daily limits on public feedback, held by the database instead of a count
-- taken before the insert (ten parallel ratings from one device stored ten). A day is the
-- China-local calendar day.

-- Ratings: one per pledge, device and day, as a unique key. Rows from before this
-- migration keep their day, except the later duplicates of a (pledge, device, day), which
-- the old count-then-insert let through: they keep a null day, so they stay on record (and
-- in the averages) but take no part in the key. Every new row gets its day by default.
alter table pledge_ratings add column day date;
update pledge_ratings x
set day = (x.at at time zone 'Asia/Shanghai')::date
where not exists (
  select from pledge_ratings earlier
  where earlier.pledge_id = x.pledge_id
    and earlier.device = x.device
    and (earlier.at at time zone 'Asia/Shanghai')::date = (x.at at time zone 'Asia/Shanghai')::date
    and (earlier.at, earlier.id) < (x.at, x.id)
);
alter table pledge_ratings alter column day set default ((now() at time zone 'Asia/Shanghai')::date);
create unique index pledge_ratings_once_a_day on pledge_ratings (pledge_id, device, day);
-- The unique key serves what pledge_ratings_device served (the old count).
drop index pledge_ratings_device;

-- Reports: at most N per pledge, device and day, N set by the server. A report first claims
-- a slot here with one upsert that adds 1 only while used < N; the row lock makes parallel
-- claims wait for each other, and a claim rolled back with its report gives the slot back.
-- Rows of past days are dropped by the daily retention job.
create table pledge_report_quota (
  pledge_id uuid not null references pledges (id) on delete cascade,
  device text not null,
  day date not null default ((now() at time zone 'Asia/Shanghai')::date),
  used smallint not null check (used > 0),
  primary key (pledge_id, device, day)
);
create index pledge_report_quota_day on pledge_report_quota (day);
