/** Every name the generated agency uses, derived once from its subgraph name and title. */
export interface AgencyNaming {
  /** The subgraph name, PostgreSQL schema and folder: `permits`. */
  name: string;
  /** For identifiers: `Permits` (createPermitsSubgraph, PermitsContext). */
  pascal: string;
  /** The agency in prose: `Permit Office`. */
  title: string;
  port: number;
  /** The port of its Prometheus metrics, apart from its GraphQL port. */
  metricsPort: number;
  /** The sample entity's GraphQL type: `PermitsRecord`. */
  entity: string;
  /** The root field listing the sample entity: `permitsRecords`. */
  listField: string;
  /** The environment variable the gateway reads the subgraph's URL from. */
  urlVariable: string;
}

export function agencyNaming(
  name: string,
  title: string,
  port: number,
  metricsPort: number,
): AgencyNaming {
  const pascal = `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  return {
    name,
    pascal,
    title,
    port,
    metricsPort,
    entity: `${pascal}Record`,
    listField: `${name}Records`,
    urlVariable: `SUBGRAPH_URL_${name.toUpperCase()}`,
  };
}
