import type { Db } from '../../../platform/db/createDb';
import type { Company } from './company.type';
import { COMPANY, type CompanyRow, toCompany } from './companyRow';

/** The only place companies are read by key or a page at a time. */
export class CompanyRepository {
  constructor(private readonly db: Db) {}

  async findByRegistryCodes(registryCodes: readonly string[]): Promise<Company[]> {
    const rows = await this.db<CompanyRow>(COMPANY).whereRaw('registry_code = any(?)', [
      Array.from(registryCodes),
    ]);
    return rows.map(toCompany);
  }

  /**
   * One page of the register in registry code order, fetching one row more to tell whether
   * a next page exists.
   */
  async page(afterRegistryCode: string | null, limit: number): Promise<Company[]> {
    const query = this.db<CompanyRow>(COMPANY)
      .orderBy('registry_code')
      .limit(limit + 1);
    if (afterRegistryCode !== null) query.where('registry_code', '>', afterRegistryCode);
    return (await query).map(toCompany);
  }
}
