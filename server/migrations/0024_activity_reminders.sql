-- Reminders before an activity starts (issue 19): the server that sends them marks the
-- activity first, so of several servers only one sends, and a restart never sends twice.
-- Editing the time of a reminded activity clears the mark (activities.repository.ts).
alter table activities add column reminded_at timestamptz;
create index activities_to_remind on activities (starts_at)
  where state = 'published' and reminded_at is null;
