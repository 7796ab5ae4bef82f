-- An activity's closing record may carry up to nine photos its organiser uploaded (through
-- POST /photos, which keeps the uploader: staff accounts are users too).
create table activity_photos (
  activity_id uuid not null references activities (id),
  region_code char(6) not null references regions (code),
  position smallint not null check (position between 1 and 9),
  photo_id uuid not null references pledge_photos (id),
  primary key (activity_id, position),
  unique (activity_id, photo_id)
);
create index activity_photos_photo on activity_photos (photo_id);
