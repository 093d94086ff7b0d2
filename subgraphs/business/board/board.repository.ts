import type { Db } from '../../../platform/db/createDb';
import type { Company } from '../company/company.type';
import { COMPANY, type CompanyRow, toCompany } from '../company/companyRow';
import type { BoardSeat } from './boardSeat.type';

interface BoardMemberRow {
  registry_code: string;
  national_id: string;
  name: string;
  role: string;
  since: string;
}

const BOARD_MEMBER = 'business.board_member';

function toBoardSeat(row: BoardMemberRow): BoardSeat {
  return {
    registryCode: row.registry_code,
    subjectId: row.national_id,
    person: { nationalId: row.national_id },
    name: row.name,
    role: row.role,
    since: row.since,
  };
}

/** A company together with the board member through whom it was found. */
export interface BoardMembership {
  memberId: string;
  company: Company;
}

/** The only place the board member table is read. */
export class BoardRepository {
  constructor(private readonly db: Db) {}

  /** The board seats of the given companies: the chair first, then by seniority. */
  async findSeatsOfCompanies(registryCodes: readonly string[]): Promise<BoardSeat[]> {
    const rows = await this.db<BoardMemberRow>(BOARD_MEMBER)
      .whereRaw('registry_code = any(?)', [Array.from(registryCodes)])
      .orderByRaw('role = ? desc, since, national_id', ['chair']);
    return rows.map(toBoardSeat);
  }

  /** The companies on whose boards the given people sit, each tagged with the person's ID. */
  async findCompaniesOfMembers(nationalIds: readonly string[]): Promise<BoardMembership[]> {
    const rows = await this.db(`${BOARD_MEMBER} as seat`)
      .join(`${COMPANY} as c`, 'c.registry_code', 'seat.registry_code')
      .whereRaw('seat.national_id = any(?)', [Array.from(nationalIds)])
      .orderBy('c.registry_code')
      .select<(CompanyRow & { member_id: string })[]>('c.*', 'seat.national_id as member_id');
    return rows.map((row) => ({ memberId: row.member_id, company: toCompany(row) }));
  }
}
