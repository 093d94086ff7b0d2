/**
 * The agencies of the demo government, each a subgraph owning one PostgreSQL schema. Each
 * serves GraphQL on its `defaultPort` and Prometheus metrics on its `metricsPort` (the
 * gateway's is 9464), so that processes sharing a host never collide.
 */
export const AGENCIES = {
  population: { title: 'Population Register', defaultPort: 4001, metricsPort: 9465 },
  tax: { title: 'Tax Board', defaultPort: 4002, metricsPort: 9466 },
  social: { title: 'Social Insurance Board', defaultPort: 4003, metricsPort: 9467 },
  health: { title: 'Health Board', defaultPort: 4004, metricsPort: 9468 },
  transport: { title: 'Transport Authority', defaultPort: 4005, metricsPort: 9469 },
  business: { title: 'Business Register', defaultPort: 4006, metricsPort: 9470 },
  governance: { title: 'Data Governance Service', defaultPort: 4007, metricsPort: 9471 },
} as const;

/** The subgraph name of an agency; also the name of its PostgreSQL schema and migration folder. */
export type AgencyName = keyof typeof AGENCIES;

export const AGENCY_NAMES = Object.keys(AGENCIES) as AgencyName[];

export function isAgencyName(value: string): value is AgencyName {
  return Object.prototype.hasOwnProperty.call(AGENCIES, value);
}
