-- The records under a ledger's figures, listed by county then name (the drill-down below
-- the county): one ordered index range scan per page, at any level of the tree.
create index memberships_markets on memberships (region_code, (form->>'marketName'), id)
  where kind = 'market_opener' and state in ('submitted', 'resubmitted', 'needs_info', 'verified');
create index places_region_name on places (region_code, name, id);
