-- A place import writes thousands of places in one transaction; two things made its cost
-- grow with the square of its size (20,000 places: minutes, the embedded server stalled).

-- 1. Its duplicate check looks for a same-named place within 30 m in any state, but
-- places_geo covers open places only: every other place was found by scanning the table,
-- once per imported row. This index covers the rest, so each check is two index probes.
create index places_geo_not_open on places using gist (geo) where status <> 'open';

-- 2. The care tallies were added per inserted row, updating the same few tally rows once
-- per place; PostgreSQL keeps every version until the transaction ends, so each update
-- walked past all the earlier ones. Inserts are now counted once per statement, from its
-- new rows; updates and deletes stay per row.
create function ledger_places_inserted() returns trigger
language plpgsql as $$
begin
  perform ledger_add(g.region_code, g.region_path, g.tally_rows)
  from (
    select i.region_code, i.region_path, jsonb_agg(r.tally_row) as tally_rows
    from inserted i, jsonb_array_elements(ledger_place_rows(i, 1)) as r(tally_row)
    group by i.region_code, i.region_path
  ) g;
  return null;
end $$;

drop trigger ledger_places on places;
create trigger ledger_places after update of status, kind, always_open, facilities, region_code or delete
  on places for each row execute function ledger_places_trigger();
create trigger ledger_places_inserted after insert on places
  referencing new table as inserted for each statement execute function ledger_places_inserted();
