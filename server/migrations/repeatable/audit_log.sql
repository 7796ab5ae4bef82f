-- Repeatable: the audit log's append-only guard (等保 2.0), applied after the numbered
-- migrations whenever this file changes (server/src/db/migrate.ts).

-- Rows never change, and disappear only through the retention job, only once older than
-- 180 days: the job sets djt.audit_retention for its own transaction.
create or replace function audit_log_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE'
     and current_setting('djt.audit_retention', true) = 'on'
     and old.at < now() - interval '180 days' then
    return old;
  end if;
  raise exception 'audit_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end;
$$;

drop trigger if exists audit_log_append_only on audit_log;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_log_append_only();

create or replace function audit_log_no_truncate() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only (TRUNCATE refused)' using errcode = 'insufficient_privilege';
end;
$$;

drop trigger if exists audit_log_no_truncate on audit_log;
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_no_truncate();
