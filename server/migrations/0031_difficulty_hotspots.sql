-- 热点 (issue 20): a county's difficulties by category and state, and those around a place
-- whatever their state (the partial index of 0027 holds open ones only, for 我也遇到).
create index difficulties_county on difficulties (region_code, category, state);
create index difficulties_geo_all on difficulties using gist (geo);
