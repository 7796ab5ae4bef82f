-- A member asked for a screenshot can attach one photo to the answer. The event refers to it,
-- so the orphan-photo job keeps it; deleting the registration (account cancellation) cascades
-- to its events and leaves the photo unreferenced, deleted a day later.
alter table membership_events
  add column photo_id uuid references pledge_photos (id) on delete set null;
create index membership_events_photo on membership_events (photo_id) where photo_id is not null;
