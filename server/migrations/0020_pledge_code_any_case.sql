-- Plaque codes issued before December 2026 are case-sensitive base-62 ('c' and 11
-- characters); a person typing one in another case is still answered (the lookup folds
-- case when the exact code is unknown), through this index instead of a scan. Codes
-- issued from now on are upper-case Crockford base-32 with a check character.
create index pledges_code_lower on pledges (lower(code));
