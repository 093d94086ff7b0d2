import { companyStatusOf } from './CompanyStatus';
import type { Company } from './company.type';

/** A row of `business.company`. */
export interface CompanyRow {
  registry_code: string;
  name: string;
  legal_form: string;
  status: string;
  founded: string;
  city: string;
}

export const COMPANY = 'business.company';

/** Maps a company row to the schema's object; shared by the repositories that read companies. */
export function toCompany(row: CompanyRow): Company {
  return {
    registryCode: row.registry_code,
    name: row.name,
    status: companyStatusOf(row.status),
    founded: row.founded,
    legalForm: row.legal_form,
    city: row.city,
  };
}
