import type { TaxParty } from './taxParty';

/** Overdue tax one party owes the Tax Board. */
export interface TaxDebt {
  party: TaxParty;
  /** In euros. */
  amount: number;
  overdueSince: string;
}
