-- The ledgers learn from riders' difficulties (诉求, issue 20): per county (where each lies
-- now) and China year (when it was raised), those raised, those answered within a week
-- (the first reply or the close no later than 7 days after), and those solved (已协调解决).
-- Kept by a trigger in ledger_tallies.sql (ledger_difficulty_rows); what is already there
-- counts from the start, by the same rules.
insert into ledger_tallies (region_code, region_path, metric, key, class, value)
  select region_code, region_path, metric, key, '', count(*) from (
    select d.region_code, d.region_path, x.metric,
      extract(year from d.created_at at time zone 'Asia/Shanghai')::int::text as key
    from difficulties d,
      lateral (
        select 'difficulties.raised' as metric
        union all select 'difficulties.answered_within_week'
          where d.answered_at is not null and d.answered_at <= d.created_at + interval '7 days'
        union all select 'difficulties.solved' where d.outcome = 'solved'
      ) x
  ) rows
  group by region_code, region_path, metric, key;
