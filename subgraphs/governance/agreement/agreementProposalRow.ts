import type { AgreementProposal, ProposedTerms } from './agreementProposal.type';
import { isoInstant } from './agreementRow';
import type { ProposalState } from './ProposalState';

/** A row of governance.agreement_proposal. */
export interface ProposalRow {
  id: string | number;
  agreement_id: string;
  version: number;
  base_version: number;
  terms: ProposedTerms | string;
  changed_terms: string[];
  grounds: string[];
  reason: string | null;
  state: ProposalState;
  proposed_by: string;
  proposed_at: Date | string;
  decided_by: string | null;
  decided_at: Date | string | null;
}

/** A proposal, with its register row's id for the repository's own use. */
export interface StoredProposal extends AgreementProposal {
  rowId: string;
}

export function toProposal(row: ProposalRow): StoredProposal {
  return {
    rowId: String(row.id),
    agreementId: row.agreement_id,
    version: row.version,
    baseVersion: row.base_version,
    state: row.state,
    terms: typeof row.terms === 'string' ? (JSON.parse(row.terms) as ProposedTerms) : row.terms,
    changedTerms: row.changed_terms,
    grounds: row.grounds,
    reason: row.reason,
    proposedAt: isoInstant(row.proposed_at),
    proposedBy: row.proposed_by,
    decidedAt: row.decided_at === null ? null : isoInstant(row.decided_at),
    decidedBy: row.decided_by,
  };
}
