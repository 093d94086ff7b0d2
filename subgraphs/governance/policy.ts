import type { Classification } from '../../platform/policy/classification';
import {
  defineFieldPolicy,
  type FieldRule,
  statisticsOperation,
} from '../../platform/policy/fieldPolicy';
import { governanceStatisticsTypes } from './statistics/statisticsPolicy';
import { accessLogSearchEntry, governanceAccessLogTypes } from './accessLog/accessLogPolicy';
import { TERM_COLUMNS } from './agreement/agreementRow';

/** Operations and details reserved to the register's administrators. */
const administrators: FieldRule = {
  classification: 'internal',
  audience: [{ role: 'governance-admin' }],
};
/** Who made a change or proposal: shown to the officials who keep the register. */
const officials: FieldRule = {
  classification: 'personal',
  audience: [{ role: 'governance-admin' }, { role: 'data-controller' }],
};
/** Approving a proposal: the providing agency's data controller (the register checks which). */
const dataControllers: FieldRule = {
  classification: 'internal',
  audience: [{ role: 'data-controller' }],
};
/** Revoking: one party, a governance administrator or the provider's data controller. */
const revokers: FieldRule = {
  classification: 'internal',
  audience: [{ role: 'governance-admin' }, { role: 'data-controller' }],
};
/** A citizen's own consents: only they may read or change them. */
const citizens: FieldRule = { classification: 'personal', audience: ['citizen'] };

function every(classification: Classification, fields: string[]): Record<string, Classification> {
  return Object.fromEntries(fields.map((field) => [field, classification]));
}

/**
 * How sensitive each field of the governance service is. The register of agreements, the data
 * catalog, organisations and purposes are public, as a data-sharing register should be; who
 * changed an agreement is shown to administrators; consents are the personal data of the person
 * who gave them.
 */
export const governancePolicy = defineFieldPolicy('governance', {
  Query: {
    subject: 'none',
    fields: {
      ...every('public', ['dataCatalog', 'agreements', 'agreement', 'organisations', 'purposes']),
      myConsents: citizens,
      accessLogSearch: accessLogSearchEntry,
      statistics: statisticsOperation,
    },
  },
  Mutation: {
    subject: 'none',
    fields: {
      grantAgreement: administrators,
      changeAgreement: administrators,
      revokeAgreement: revokers,
      approveAgreement: dataControllers,
      grantConsent: citizens,
      withdrawConsent: citizens,
    },
  },
  Agreement: {
    subject: 'none',
    fields: {
      ...every('public', [
        'id',
        'title',
        'provider',
        'providerTitle',
        'consumer',
        'consumerOrganisation',
        'purposes',
        'fields',
        'form',
        'legalBasis',
        'legalBasisKind',
        'specialCategory',
        'reuseTerms',
        'onwardSharing',
        'retentionDays',
        'licence',
        'validFrom',
        'validUntil',
        'reviewDate',
        'status',
        'inForce',
        'version',
        'revokedAt',
        'revokedReason',
        'updatedAt',
        'history',
        'pendingProposal',
        'proposals',
        'dataController',
        'minCellSize',
      ]),
      changedBy: officials,
    },
  },
  AgreementChange: {
    subject: 'none',
    fields: {
      ...every('public', [
        'version',
        'action',
        'changedTerms',
        'reason',
        'changedAt',
        'proposedAt',
      ]),
      changedBy: officials,
      proposedBy: officials,
    },
  },
  AgreementProposal: {
    subject: 'none',
    fields: {
      ...every('public', [
        'version',
        'baseVersion',
        'state',
        'terms',
        'changedTerms',
        'grounds',
        'reason',
        'proposedAt',
        'decidedAt',
      ]),
      proposedBy: officials,
      decidedBy: officials,
    },
  },
  ProposedTerms: { subject: 'none', fields: every('public', Object.keys(TERM_COLUMNS)) },
  Organisation: {
    subject: 'none',
    fields: every('public', ['code', 'name', 'kind', 'description', 'agreements']),
  },
  Purpose: { subject: 'none', fields: every('public', ['code', 'title', 'description']) },
  Consent: {
    subject: { property: 'subjectId' },
    fields: every('personal', [
      'id',
      'organisation',
      'consumerOrganisation',
      'purpose',
      'fields',
      'status',
      'grantedAt',
      'expiresAt',
      'withdrawnAt',
      'dataLifeDays',
    ]),
  },
  CatalogField: {
    subject: 'none',
    fields: every('public', [
      'agency',
      'agencyTitle',
      'type',
      'typeDescription',
      'field',
      'name',
      'returns',
      'description',
      'classification',
      'classificationMeaning',
      'maskable',
      'maskedForm',
      'reservedTo',
      'access',
      'grants',
    ]),
  },
  FieldAccess: {
    subject: 'none',
    fields: every('public', ['decision', 'reason', 'purpose', 'agreement']),
  },
  CatalogGrant: {
    subject: 'none',
    fields: every('public', [
      'id',
      'title',
      'provider',
      'purposes',
      'decision',
      'form',
      'legalBasis',
      'legalBasisKind',
      'reuseTerms',
      'onwardSharing',
      'retentionDays',
      'validUntil',
    ]),
  },
  ...governanceAccessLogTypes,
  ...governanceStatisticsTypes,
});
