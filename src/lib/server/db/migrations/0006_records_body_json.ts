/**
 * A record's body is kept as the JSON text it was written as (`json`), no longer re-encoded as
 * `jsonb`: the read model is built from the published bodies at every start, and `jsonb` gave them
 * back only through a conversion to text (about a quarter of the read at 100,000 incidents). The
 * look-ups (`->`, `#>`, `#>>`) and their indexes work on `json` as they did; a query that needs
 * `jsonb` (equality, `@>`) casts. The revision log keeps `jsonb`. A body stored before this
 * migration keeps `jsonb`'s text of it (keys reordered, spaced): the same value.
 */
export default `
alter table records alter column body type json using body::json;
`;
