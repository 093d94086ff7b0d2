import { Directive, Field } from 'type-graphql';
import { AGENCIES } from '../../../platform/agencies';
import { type GraphAgency, GRAPH_AGENCIES } from '../../../platform/accessLog/accessLogFields';
import { AccessRecord } from '../../../platform/accessLog/AccessRecord';
import { CallerKind } from '../../../platform/accessLog/CallerKind';

/** One agency's records, as the gateway brought them; null when they could not be read. */
export interface AgencyRecords {
  agency: string;
  records: AccessRecord[] | null;
}

/**
 * Declares on an entity of this subgraph one hidden list of access records per agency, each
 * resolved by that agency (`@external`): the gateway brings them to the fields that `@requires`
 * them. Each agency hides its own (`@inaccessible`); one per agency of the graph, so a new
 * agency needs no change here.
 */
export function declareRecordLists(
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entity: Function,
  fieldOf: (agency: GraphAgency) => string,
  what: string,
): void {
  for (const agency of GRAPH_AGENCIES) {
    const name = fieldOf(agency);
    Field(() => [AccessRecord], {
      nullable: true,
      description: `The ${AGENCIES[agency].title}'s ${what} (resolved by the ${agency} subgraph).`,
    })(entity.prototype, name);
    Directive('@external')(entity.prototype, name);
  }
}

/**
 * The `@requires` field set that brings every agency's list with the given record fields,
 * `first` leading. The gateway's runtime (@graphql-tools/stitch 10.3) judges whether the
 * subgraph an entity came from already holds a `@requires` field set by its first field with a
 * sub-selection alone: if that subgraph serves that field, the others are never fetched. So the
 * list that leads must be one the entity's own subgraph never serves.
 */
export function requiredLists(
  fieldOf: (agency: GraphAgency) => string,
  fields: string,
  first: GraphAgency,
): string {
  return [first, ...GRAPH_AGENCIES.filter((agency) => agency !== first)]
    .map((agency) => `${fieldOf(agency)} { ${fields} }`)
    .join(' ');
}

/** The record as it comes over the graph: enum values by name, no hidden properties. */
interface RecordOverTheGraph {
  accessedAt: string;
  organisation: string | null;
  callerKind: keyof typeof CallerKind;
  callerSubject?: string | null;
  subject?: string | null;
  purpose: string | null;
  caseId: string | null;
  fields: string[];
  requestId: string;
  sequence: string;
}

/**
 * Reads every agency's list from an entity representation into records of this subgraph,
 * each with its agency and its data subject (`subjectOf`, for lists that do not carry it).
 */
export function recordListsOf(
  representation: Record<string, unknown>,
  fieldOf: (agency: GraphAgency) => string,
  subjectOf: (record: RecordOverTheGraph) => string,
): AgencyRecords[] {
  return GRAPH_AGENCIES.map((agency) => {
    const list = representation[fieldOf(agency)] as RecordOverTheGraph[] | null | undefined;
    return {
      agency,
      records: Array.isArray(list)
        ? list.map((record) => ({
            accessedAt: record.accessedAt,
            agency,
            organisation: record.organisation,
            callerKind: CallerKind[record.callerKind],
            callerSubject: record.callerSubject ?? null,
            subjectId: subjectOf(record),
            purpose: record.purpose,
            caseId: record.caseId,
            fields: record.fields,
            requestId: record.requestId,
            sequence: record.sequence,
          }))
        : null,
    };
  });
}
