import type { Db } from '../../../platform/db/createDb';
import { BenefitClaimStatus } from './BenefitClaimStatus';
import type { BenefitClaim } from './benefitClaim.type';
import { BenefitType } from './BenefitType';

interface BenefitClaimRow {
  id: number;
  national_id: string;
  benefit: string;
  status: string;
  monthly_amount: number;
  since: string;
  until: string | null;
}

const BENEFIT_CLAIM = 'social.benefit_claim';

// The register's codes, kebab-case, and the schema's enum values.
const BENEFITS: ReadonlyMap<string, BenefitType> = new Map([
  ['child-allowance', BenefitType.CHILD_ALLOWANCE],
  ['parental-benefit', BenefitType.PARENTAL_BENEFIT],
  ['old-age-pension', BenefitType.OLD_AGE_PENSION],
  ['unemployment-benefit', BenefitType.UNEMPLOYMENT_BENEFIT],
  ['disability-allowance', BenefitType.DISABILITY_ALLOWANCE],
]);

const STATUSES: ReadonlyMap<string, BenefitClaimStatus> = new Map([
  ['pending', BenefitClaimStatus.PENDING],
  ['approved', BenefitClaimStatus.APPROVED],
  ['rejected', BenefitClaimStatus.REJECTED],
  ['ended', BenefitClaimStatus.ENDED],
]);

function toBenefitClaim(row: BenefitClaimRow): BenefitClaim {
  const status = STATUSES.get(row.status);
  // The table's check constraint allows only the statuses above.
  if (!status) throw new Error(`benefit claim ${row.id} has an unknown status "${row.status}"`);
  return {
    claimantId: row.national_id,
    // The table does not constrain benefits: a benefit the board adds later must not make a
    // person's other claims unreadable.
    benefit: BENEFITS.get(row.benefit) ?? BenefitType.OTHER,
    status,
    monthlyAmount: row.monthly_amount,
    since: row.since,
    until: row.until,
  };
}

/** The only place the benefit claim table is read. */
export class BenefitClaimRepository {
  constructor(private readonly db: Db) {}

  /** Every claim of the given people, each person's most recently started claim first. */
  async findByClaimants(nationalIds: readonly string[]): Promise<BenefitClaim[]> {
    const rows = await this.db<BenefitClaimRow>(BENEFIT_CLAIM)
      .whereRaw('national_id = any(?)', [Array.from(nationalIds)])
      .orderBy([
        { column: 'national_id' },
        { column: 'since', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    return rows.map(toBenefitClaim);
  }
}
