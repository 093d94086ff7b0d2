import { reuseTermsOf } from './agreement';
import type { Basis } from './decision';

/** One line of `extensions.dataUse`: under which terms one agency released data in a response. */
export type DataUseEntry = { agency: string; purpose: string | null } & (
  | { basis: 'public'; licence: string }
  | { basis: 'own-data'; reuseTerms: string }
  | ({ basis: 'agreement' } & ReturnType<typeof reuseTermsOf>)
);

const OPEN_DATA_LICENCE = 'Open data: free to re-use with attribution (CC BY 4.0)';
const OWN_DATA_TERMS =
  'Your own data, released under your right of access (GDPR art. 15): yours to use as you wish.';

/** Collects, per request, the distinct terms under which data was released. */
export class DataUseLedger {
  private readonly entries = new Map<string, DataUseEntry>();

  constructor(
    private readonly agency: string,
    private readonly purpose: string | null,
  ) {}

  record(basis: Basis): void {
    if (basis.kind === 'gateway-join' || basis.kind === 'operation') return;
    const key = basis.kind === 'agreement' ? basis.agreement.id : basis.kind;
    if (this.entries.has(key)) return;
    const common = { agency: this.agency, purpose: this.purpose };
    this.entries.set(
      key,
      basis.kind === 'public'
        ? { ...common, basis: 'public', licence: OPEN_DATA_LICENCE }
        : basis.kind === 'own-data'
          ? { ...common, basis: 'own-data', reuseTerms: OWN_DATA_TERMS }
          : { ...common, basis: 'agreement', ...reuseTermsOf(basis.agreement) },
    );
  }

  list(): DataUseEntry[] {
    return [...this.entries.values()];
  }
}
