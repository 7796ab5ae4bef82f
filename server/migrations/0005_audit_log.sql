-- Append-only audit trail (等保 2.0: security audit, kept at least 6 months).
create table audit_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  actor_id uuid,
  actor_role text check (actor_role in ('user', 'staff', 'anonymous', 'system')),
  action text not null,
  target_type text,
  target_id text,
  -- The jurisdiction the event belongs to: staff read the log of their own subtree.
  region_path ltree,
  outcome text not null check (outcome in ('success', 'failure', 'denied')),
  request_id text,
  ip text,
  detail jsonb
);
create index audit_log_at on audit_log (at);
create index audit_log_region_path on audit_log using gist (region_path);
create index audit_log_actor on audit_log (actor_id, at);

-- Rows never change, and disappear only through the retention job, only once older than
-- 180 days: the job sets djt.audit_retention for its own transaction.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE'
     and current_setting('djt.audit_retention', true) = 'on'
     and old.at < now() - interval '180 days' then
    return old;
  end if;
  raise exception 'audit_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_log_append_only();
create function audit_log_no_truncate() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only (TRUNCATE refused)' using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_no_truncate();
