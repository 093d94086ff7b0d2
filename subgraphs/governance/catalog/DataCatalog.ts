import type { Audience } from '../../../platform/policy/fieldPolicy';
import type { Classification } from '../../../platform/policy/classification';
import type { CatalogFile } from './catalogFile';

/** One field of the graph as the catalog describes it. */
export interface CatalogEntry {
  agency: string;
  agencyTitle: string;
  type: string;
  typeDescription: string | null;
  field: string;
  returns: string;
  description: string | null;
  classification: Classification;
  maskedForm: string | null;
  reservedTo: Audience[] | null;
}

/** Every field of the graph, from schema/catalog.json, with look-ups for validating agreements. */
export class DataCatalog {
  readonly entries: readonly CatalogEntry[];
  private readonly byName = new Map<string, CatalogEntry>();

  constructor(file: CatalogFile) {
    this.entries = file.agencies.flatMap(({ agency, title, types }) =>
      types.flatMap(({ type, description: typeDescription, fields }) =>
        fields.map((field) => ({ agency, agencyTitle: title, type, typeDescription, ...field })),
      ),
    );
    for (const entry of this.entries) {
      this.byName.set(`${entry.agency}/${entry.type}.${entry.field}`, entry);
    }
  }

  agencies(): string[] {
    return [...new Set(this.entries.map((e) => e.agency))];
  }

  hasType(agency: string, type: string): boolean {
    return this.entries.some((e) => e.agency === agency && e.type === type);
  }

  /** The fields of an agency's type, or one field. */
  entry(agency: string, type: string, field: string): CatalogEntry | undefined {
    return this.byName.get(`${agency}/${type}.${field}`);
  }

  fieldsOf(agency: string, type: string): CatalogEntry[] {
    return this.entries.filter((e) => e.agency === agency && e.type === type);
  }

  find(filter: { agency?: string | null; type?: string | null }): CatalogEntry[] {
    return this.entries.filter(
      (e) =>
        (!filter.agency || e.agency === filter.agency) && (!filter.type || e.type === filter.type),
    );
  }
}
