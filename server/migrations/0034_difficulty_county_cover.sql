-- 热点 (issue 20): a county's figures and the points its hot spots start from are read from
-- this index alone (an index-only scan: region_code, category and state to find and group,
-- lat, lng and id to place), not from 12,000 rows scattered over the table's pages. It
-- replaces 0031's index on the same key.
drop index difficulties_county;
create index difficulties_county on difficulties (region_code, category, state)
  include (lat, lng, id);
