-- Staff sign-in failures are counted per username as typed and per source address, so a
-- stranger guessing from elsewhere cannot lock a staff member out, and an unknown username
-- locks exactly like a real one (the answer tells nobody which usernames exist). A lock
-- that has expired starts the count again. Rows are dropped a day after their last failure.
create table staff_sign_in_failures (
  username text not null,
  source text not null,
  failures integer not null check (failures > 0),
  locked_until timestamptz,
  last_failure_at timestamptz not null default now(),
  primary key (username, source)
);
create index staff_sign_in_failures_last on staff_sign_in_failures (last_failure_at);

alter table staff_accounts drop column failed_attempts, drop column locked_until;
