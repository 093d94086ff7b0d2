/**
 * The database role an agency's subgraph acts as: it may read the agency's schema and append
 * to its access log, nothing more (created by the access-log migration of each schema).
 */
export function serviceRole(agency: string): string {
  return `govgraph_${agency}`;
}
