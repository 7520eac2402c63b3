/**
 * Look-ups an import makes once per file rather than once per row: incidents by their external ids
 * (to match a re-imported row to the record it made) and by date (the duplicate check).
 */
export default `
create index records_incident_acled on records ((body #>> '{properties,external_ids,acled}'))
	where kind = 'incident';
create index records_incident_ucdp on records ((body #>> '{properties,external_ids,ucdp}'))
	where kind = 'incident';
create index records_incident_date on records ((body #>> '{properties,date}'))
	where kind = 'incident';
`;
