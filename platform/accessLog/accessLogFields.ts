import { AGENCY_NAMES, type AgencyName } from '../agencies';

/**
 * The agencies whose access logs reach the governance service through the graph, each as a
 * hidden field of its own; the governance service reads its own log directly.
 */
export const GRAPH_AGENCIES = AGENCY_NAMES.filter(
  (agency): agency is GraphAgency => agency !== 'governance',
);

/** An agency that serves its access log over the graph. */
export type GraphAgency = Exclude<AgencyName, 'governance'>;

const titleCase = (agency: string) => agency.charAt(0).toUpperCase() + agency.slice(1);

/** The hidden `DataTrackerPage` field through which an agency gives a person's records (`accessLogTax`). */
export function trackerFieldOf(agency: AgencyName): string {
  return `accessLog${titleCase(agency)}`;
}

/** The hidden `AccessLogSearch` field through which an agency answers a search (`recordsTax`). */
export function searchFieldOf(agency: AgencyName): string {
  return `records${titleCase(agency)}`;
}
