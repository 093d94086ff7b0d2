import { nationalIdFor } from '../../platform/identity/nationalId';
import { SHOWCASE } from '../showcase';

/** The claims a persona's token carries besides iss, aud, iat, exp and jti. */
export interface PersonaClaims {
  /** A national ID for a person; a client id for a partner system. */
  sub: string;
  /** The organisation code; absent for a citizen. */
  org?: string;
  roles?: string[];
  name?: string;
  /** Set for a system authenticated with client credentials. */
  client_id?: string;
}

export interface Persona {
  description: string;
  /** Absent for `public`, which sends no token. */
  claims?: PersonaClaims;
}

// Officials have national IDs of their own, with serials far above any the demo country uses.
const official = (dateOfBirth: string, sex: 'F' | 'M') => nationalIdFor(dateOfBirth, sex, 990);

/**
 * The data controller of an agency: approves new and widened agreements sharing its data, and
 * may revoke them. The gateway lets only the controlling organisation hold the role.
 */
function controller(
  org: string,
  title: string,
  dateOfBirth: string,
  sex: 'F' | 'M',
  name: string,
): Persona {
  return {
    description: `the data controller of the ${title}, who approves agreements sharing its data`,
    claims: { sub: official(dateOfBirth, sex), org, roles: ['data-controller'], name },
  };
}

/** Who can ask the demo government for data: one persona per kind of caller. */
export const PERSONAS = {
  public: { description: 'anyone, without a token: the anonymous public caller' },
  citizen: {
    description: 'a citizen signed in with a national ID (default: Mari Tamm, the showcase person)',
    claims: { sub: SHOWCASE.nationalId, name: 'Mari Tamm' },
  },
  caseworker: {
    description: 'a caseworker of the Social Insurance Board',
    claims: {
      sub: official('1979-02-14', 'F'),
      org: 'social-insurance',
      roles: ['caseworker'],
      name: 'Katrin Saar',
    },
  },
  'tax-officer': {
    description: 'a tax officer of the Tax Board',
    claims: {
      sub: official('1974-11-03', 'M'),
      org: 'tax-board',
      roles: ['tax-officer'],
      name: 'Andres Kask',
    },
  },
  physician: {
    description: 'a physician registered with the Health Board',
    claims: {
      sub: official('1981-06-21', 'F'),
      org: 'health-board',
      roles: ['physician'],
      name: 'Kadri Lepik',
    },
  },
  statistician: {
    description: 'a statistician of the Statistics Office',
    claims: {
      sub: official('1988-01-30', 'F'),
      org: 'statistics-office',
      roles: ['statistician'],
      name: 'Liis Mets',
    },
  },
  'police-officer': {
    description: 'a police officer',
    claims: {
      sub: official('1984-08-09', 'M'),
      org: 'police',
      roles: ['police-officer'],
      name: 'Margus Ilves',
    },
  },
  bank: {
    description: "Demo Bank's loan service, a partner system signed in with client credentials",
    claims: {
      sub: 'demo-bank-loan-service',
      client_id: 'demo-bank-loan-service',
      org: 'demo-bank',
      roles: ['credit-check'],
    },
  },
  auditor: {
    description: 'an auditor of the Data Protection Inspectorate',
    claims: {
      sub: official('1977-04-12', 'F'),
      org: 'data-protection-inspectorate',
      roles: ['auditor'],
      name: 'Piret Oja',
    },
  },
  steward: {
    description:
      'a data steward of the Information System Authority, who manages data-sharing agreements',
    claims: {
      sub: official('1983-12-01', 'M'),
      org: 'information-system-authority',
      roles: ['governance-admin'],
      name: 'Toomas Rebane',
    },
  },
  'population-controller': controller(
    'population-register',
    'Population Register',
    '1970-03-15',
    'F',
    'Ene Kuusk',
  ),
  'tax-controller': controller(
    'tax-board',
    'Tax and Customs Board',
    '1972-05-19',
    'M',
    'Jaan Tamme',
  ),
  'social-controller': controller(
    'social-insurance',
    'Social Insurance Board',
    '1975-09-02',
    'F',
    'Mare Põld',
  ),
  'health-controller': controller('health-board', 'Health Board', '1969-10-27', 'F', 'Helle Rand'),
  'transport-controller': controller(
    'transport-authority',
    'Transport Authority',
    '1980-07-07',
    'M',
    'Urmas Vaher',
  ),
  'business-controller': controller(
    'business-register',
    'Business Register',
    '1978-12-12',
    'M',
    'Peeter Sild',
  ),
} satisfies Record<string, Persona>;

export type PersonaName = keyof typeof PERSONAS;

export const PERSONA_NAMES = Object.keys(PERSONAS) as PersonaName[];

export function isPersonaName(value: string): value is PersonaName {
  return Object.prototype.hasOwnProperty.call(PERSONAS, value);
}
