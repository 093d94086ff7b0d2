import { registerEnumType } from 'type-graphql';

/** Where a company stands in the register. */
export enum CompanyStatus {
  ACTIVE = 'ACTIVE',
  IN_LIQUIDATION = 'IN_LIQUIDATION',
  DELETED = 'DELETED',
}

registerEnumType(CompanyStatus, {
  name: 'CompanyStatus',
  description: 'Where a company stands in the Business Register.',
  valuesConfig: {
    ACTIVE: { description: 'Registered and trading.' },
    IN_LIQUIDATION: { description: 'Being wound up; still registered.' },
    DELETED: { description: 'Removed from the register.' },
  },
});

// The register's own spelling of each status, as its check constraint allows them.
const BY_REGISTER_STATUS: Record<string, CompanyStatus> = {
  active: CompanyStatus.ACTIVE,
  'in-liquidation': CompanyStatus.IN_LIQUIDATION,
  deleted: CompanyStatus.DELETED,
};

/** Maps a status as stored in the register to the schema's enum. */
export function companyStatusOf(registerStatus: string): CompanyStatus {
  const status = BY_REGISTER_STATUS[registerStatus];
  // The table's check constraint makes this unreachable; reaching it is a bug, not a client error.
  if (status === undefined) {
    throw new Error(`business.company holds an unknown status: ${registerStatus}`);
  }
  return status;
}
