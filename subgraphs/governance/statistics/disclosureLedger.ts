import type { ApolloServerPlugin } from '@apollo/server';
import type { DisclosureSummary } from './statisticalTable.type';

/** One table's entry in `extensions.disclosureControl`. */
export interface DisclosureEntry extends DisclosureSummary {
  population: string;
  measure: string;
  of: string | null;
  by: string[];
}

/** The disclosure summaries of one request's tables, for its `extensions`. */
export class DisclosureLedger {
  readonly entries: DisclosureEntry[] = [];
}

/** Puts what disclosure control did to each table of the response into `extensions.disclosureControl`. */
export function disclosureControlPlugin(): ApolloServerPlugin<{
  loaders?: { disclosure?: DisclosureLedger };
}> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const entries = contextValue.loaders?.disclosure?.entries ?? [];
          if (entries.length === 0 || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, disclosureControl: entries };
        },
      };
    },
  };
}
