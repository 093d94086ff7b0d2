import type { Knex } from 'knex';
import type { Db } from '../../../platform/db/createDb';
import type { AgreementChange } from './agreementChange.type';
import {
  type AgreementTerms,
  isoInstant,
  type RegisterAgreementRow,
  termColumns,
  toRegisterAgreement,
} from './agreementRow';
import type { Agreement } from './agreement.type';
import { type ProposalRow, type StoredProposal, toProposal } from './agreementProposalRow';
import { ProposalState } from './ProposalState';

const AGREEMENT = 'governance.agreement';
const CHANGE = 'governance.agreement_change';
const PROPOSAL = 'governance.agreement_proposal';
const CONTROLLER = 'governance.data_controller';

export interface AgreementFilter {
  provider?: string;
  consumer?: string;
  status?: Agreement['status'];
}

/** A new agreement: its parties and terms. */
export type NewAgreement = AgreementTerms & Pick<Agreement, 'id' | 'provider' | 'consumer'>;

/** What a change does to an agreement at once, decided against its current, locked version. */
export interface AgreementUpdate {
  action: 'changed' | 'revoked' | 'approved';
  terms: Partial<AgreementTerms>;
  changedTerms: string[];
  reason: string | null;
  /** For an approval: the proposal that takes effect, as the version it names. */
  approves?: StoredProposal;
}

/** A proposed agreement or change: every term it would put in force, and why it must wait. */
export interface NewProposal {
  terms: AgreementTerms;
  changedTerms: string[];
  grounds: string[];
  reason: string | null;
}

/** What happens to an agreement: a change applied now, or a proposal that waits for approval. */
export type AgreementDecision =
  { kind: 'apply'; update: AgreementUpdate } | { kind: 'propose'; proposal: NewProposal };

/** An agreement as a change sees it, under its row lock. */
export interface AgreementState {
  current: Agreement;
  /** The proposal awaiting approval, if any. */
  pending: StoredProposal | null;
}

interface ChangeRow {
  agreement_id: string;
  version: number;
  action: AgreementChange['action'];
  changed_terms: string[];
  reason: string | null;
  changed_by: string;
  changed_at: Date | string;
  proposed_by: string | null;
  proposed_at: Date | string | null;
}

/** The only place the register's agreements and their audit trail are read and written. */
export class AgreementRepository {
  constructor(private readonly db: Db) {}

  async findAll(filter: AgreementFilter = {}): Promise<Agreement[]> {
    const query = this.db<RegisterAgreementRow>(AGREEMENT).orderBy('id');
    if (filter.provider !== undefined) query.where('provider', filter.provider);
    if (filter.consumer !== undefined) query.where('consumer', filter.consumer);
    if (filter.status !== undefined) query.where('status', filter.status);
    return (await query).map(toRegisterAgreement);
  }

  async findByIds(ids: readonly string[]): Promise<Agreement[]> {
    const rows = await this.db<RegisterAgreementRow>(AGREEMENT).whereRaw('id = any(?)', [
      Array.from(ids),
    ]);
    return rows.map(toRegisterAgreement);
  }

  async findByConsumers(consumers: readonly string[]): Promise<Agreement[]> {
    const rows = await this.db<RegisterAgreementRow>(AGREEMENT)
      .whereRaw('consumer = any(?)', [Array.from(consumers)])
      .orderBy('id');
    return rows.map(toRegisterAgreement);
  }

  async historyOf(ids: readonly string[]): Promise<AgreementChange[]> {
    const rows = await this.db<ChangeRow>(CHANGE)
      .whereRaw('agreement_id = any(?)', [Array.from(ids)])
      .orderBy(['agreement_id', 'version']);
    return rows.map((row) => ({
      proposedBy: row.proposed_by,
      proposedAt: row.proposed_at === null ? null : isoInstant(row.proposed_at),
      agreementId: row.agreement_id,
      version: row.version,
      action: row.action,
      changedTerms: row.changed_terms,
      reason: row.reason,
      changedBy: row.changed_by,
      changedAt: isoInstant(row.changed_at),
    }));
  }

  /** Every proposal of some agreements, oldest first. */
  async proposalsOf(ids: readonly string[]): Promise<StoredProposal[]> {
    const rows = await this.db<ProposalRow>(PROPOSAL)
      .whereRaw('agreement_id = any(?)', [Array.from(ids)])
      .orderBy(['agreement_id', 'version']);
    return rows.map(toProposal);
  }

  /** The organisation that controls each agency's data, by agency. */
  async controllers(): Promise<Map<string, string>> {
    const rows = await this.db<{ agency: string; organisation: string }>(CONTROLLER);
    return new Map(rows.map((row) => [row.agency, row.organisation]));
  }

  /**
   * Enters a new agreement as a proposal (status `proposed`, version 0: never in force) with
   * the proposal that would put it in force as version 1. Returns null when its id is taken.
   */
  proposeNew(
    agreement: NewAgreement,
    proposal: NewProposal,
    proposedBy: string,
  ): Promise<Agreement | null> {
    return this.db.transaction(async (trx) => {
      const [row] = await trx<RegisterAgreementRow>(AGREEMENT)
        .insert({
          id: agreement.id,
          provider: agreement.provider,
          consumer: agreement.consumer,
          ...termColumns({ ...agreement, status: 'proposed' }),
          version: 0,
          changed_by: proposedBy,
        })
        .onConflict('id')
        .ignore()
        .returning('*');
      if (!row) return null;
      await insertProposal(trx, row.id, 1, 0, proposal, proposedBy);
      return toRegisterAgreement(row);
    });
  }

  /**
   * Changes an agreement under a row lock: `decide` sees the current version and any pending
   * proposal, and returns a change to apply now or a proposal to record (or throws to refuse,
   * which changes nothing). Whatever is applied or proposed supersedes a pending proposal, which
   * was worked out against a version no longer current. Versions are numbered in one sequence
   * per agreement, proposals included, so a version number always names one set of terms.
   * Returns null when there is no such agreement.
   */
  update(
    id: string,
    changedBy: string,
    decide: (state: AgreementState) => AgreementDecision,
  ): Promise<Agreement | null> {
    return this.db.transaction(async (trx) => {
      const locked = await trx<RegisterAgreementRow>(AGREEMENT).where({ id }).forUpdate().first();
      if (!locked) return null;
      const current = toRegisterAgreement(locked);
      const proposals = (
        await trx<ProposalRow>(PROPOSAL).where({ agreement_id: id }).orderBy('version')
      ).map(toProposal);
      const pending = proposals.find((p) => p.state === ProposalState.PENDING) ?? null;
      const next = Math.max(current.version, ...proposals.map((p) => p.version)) + 1;
      const decision = decide({ current, pending });
      const approves = decision.kind === 'apply' ? decision.update.approves : undefined;
      if (pending) {
        await trx(PROPOSAL)
          .where({ id: pending.rowId })
          .update({
            state:
              approves?.rowId === pending.rowId ? ProposalState.APPROVED : ProposalState.SUPERSEDED,
            decided_by: changedBy,
            decided_at: trx.fn.now(),
          });
      }
      if (decision.kind === 'propose') {
        await insertProposal(trx, id, next, current.version, decision.proposal, changedBy);
        if (current.status !== 'proposed') return current;
        // A new agreement shows the terms last proposed for it; it stays out of force.
        const [row] = await trx(AGREEMENT)
          .where({ id })
          .update({
            ...termColumns({ ...decision.proposal.terms, status: 'proposed' }),
            changed_by: changedBy,
            updated_at: trx.fn.now(),
          })
          .returning<RegisterAgreementRow[]>('*');
        return toRegisterAgreement(row!);
      }
      const update = decision.update;
      const version = approves?.version ?? next;
      const [row] = await trx(AGREEMENT)
        .where({ id })
        .update({
          ...termColumns(update.terms),
          ...(update.action === 'revoked'
            ? { revoked_at: trx.fn.now(), revoked_reason: update.reason }
            : {}),
          version,
          changed_by: changedBy,
          updated_at: trx.fn.now(),
        })
        .returning<RegisterAgreementRow[]>('*');
      await trx(CHANGE).insert({
        agreement_id: id,
        version,
        action: update.action,
        changed_terms: update.changedTerms,
        reason: update.reason,
        changed_by: changedBy,
        proposed_by: approves?.proposedBy ?? null,
        proposed_at: approves?.proposedAt ?? null,
      });
      return toRegisterAgreement(row!);
    });
  }
}

function insertProposal(
  trx: Knex.Transaction,
  agreementId: string,
  version: number,
  baseVersion: number,
  proposal: NewProposal,
  proposedBy: string,
) {
  return trx(PROPOSAL).insert({
    agreement_id: agreementId,
    version,
    base_version: baseVersion,
    terms: JSON.stringify(proposal.terms),
    changed_terms: proposal.changedTerms,
    grounds: proposal.grounds,
    reason: proposal.reason,
    proposed_by: proposedBy,
  });
}
