-- Who uploaded each photo: a pledge may show only a photo its owner uploaded, never another
-- member's stall nor a photo sent with an anonymous report. Null: uploaded without signing in.
alter table pledge_photos add column uploaded_by uuid references users (id);

-- Photos uploaded before this column existed: the uploader was not recorded. One a pledge
-- already shows goes to the owner of the pledge that used it first (its id was handed out to
-- nobody else before then), so that owner can keep it in an edit; every other pledge must
-- upload its own. The rest (report photos, photos never used) stay anonymous: unused ones
-- are deleted after a day, and a member who uploaded one just before the upgrade uploads again.
update pledge_photos ph
set uploaded_by = first_use.user_id
from (
  select distinct on (v.content->>'photoId') v.content->>'photoId' as photo_id, p.user_id
  from pledge_versions v
  join pledges p on p.id = v.pledge_id
  where v.content ? 'photoId'
  order by v.content->>'photoId', v.submitted_at, v.id
) first_use
where ph.id::text = first_use.photo_id;
