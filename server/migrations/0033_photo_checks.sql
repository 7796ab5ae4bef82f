-- WeChat's image check (security.mediaCheckAsync) answers within minutes through a message
-- push, so a photo carries the state of its check:
--   unchecked: no check was possible (dev mode, an uploader without an openid, WeChat down);
--              a person sees it before it is public, as with every pledge;
--   pending:   sent to WeChat (check_trace names the request), no answer yet;
--   passed / review / rejected: WeChat's suggest pass / review / risky (label in check_label).
-- Only unchecked and passed photos are ever shown to the public; a rejected one to no one.
alter table pledge_photos
  add column check_state text not null default 'unchecked'
    check (check_state in ('unchecked', 'pending', 'passed', 'review', 'rejected')),
  add column check_trace text,
  add column check_label integer,
  add column checked_at timestamptz,
  add check ((check_state = 'pending') <= (check_trace is not null));
-- The push names the check by its trace: found by this index (WeChat's trace ids are its own
-- to keep unique; no unique key, which a sharded table would refuse without its shard key).
create index pledge_photos_check_trace on pledge_photos (check_trace) where check_trace is not null;
