/** The agencies of the demo government, each a subgraph owning one PostgreSQL schema. */
export const AGENCIES = {
  population: { title: 'Population Register', defaultPort: 4001 },
  tax: { title: 'Tax Board', defaultPort: 4002 },
  social: { title: 'Social Insurance Board', defaultPort: 4003 },
  health: { title: 'Health Board', defaultPort: 4004 },
  transport: { title: 'Transport Authority', defaultPort: 4005 },
  business: { title: 'Business Register', defaultPort: 4006 },
  governance: { title: 'Data Governance Service', defaultPort: 4007 },
} as const;

/** The subgraph name of an agency; also the name of its PostgreSQL schema and migration folder. */
export type AgencyName = keyof typeof AGENCIES;

export const AGENCY_NAMES = Object.keys(AGENCIES) as AgencyName[];

export function isAgencyName(value: string): value is AgencyName {
  return Object.prototype.hasOwnProperty.call(AGENCIES, value);
}
