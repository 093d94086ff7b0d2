/** How a change affects clients: breaking changes fail the check unless acknowledged. */
export type ChangeCriticality = 'BREAKING' | 'DANGEROUS' | 'NON_BREAKING';

/** One difference between the committed graph and the current one. */
export interface SchemaChange {
  /** What acknowledges it in schema/acknowledged-changes.json: `TYPE:path`. */
  id: string;
  /** `api`: the client-facing schema; `governance`: a field's classification or forms. */
  area: 'api' | 'governance';
  /** The kind of change, such as FIELD_REMOVED or CLASSIFICATION_LESS_RESTRICTIVE. */
  type: string;
  /** Where: a schema coordinate (`Query.person`), for governance prefixed by the agency. */
  path: string;
  criticality: ChangeCriticality;
  message: string;
}

/** The identifier an acknowledgement names a change by. */
export function changeId(type: string, path: string): string {
  return `${type}:${path}`;
}
