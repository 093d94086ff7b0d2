import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../../platform/db/createDb';
import type { RequestIdentity } from '../../../platform/identity/RequestIdentity';
import { mintDemoToken } from '../../../demo/identity/mintDemoToken';
import { postGraphQL, type GraphQLResponse } from '../../../gateway/testing/postGraphQL';
import { organisationToken } from '../../support/organisationToken';
import { registerTestOrganisation } from '../../support/testOrganisation';
import { askSubgraph } from './askSubgraph';
import { READ_AGENCIES, type ReadAgency, readOf, releasedParts, YEAR } from './readPeople';
import type { ReplicaFederation } from './replicaFederation';

const PURPOSE = 'benefit-eligibility';
const FIELDS: Record<ReadAgency, string[]> = {
  population: ['Person.nationalId', 'Person.givenName'],
  tax: ['Person.incomeAssessments', 'IncomeAssessment.*'],
  social: ['Person.benefitClaims', 'BenefitClaim.*'],
};
/** What each replica is asked directly: its own part of the person, as the gateway asks it. */
const DIRECT: Record<ReadAgency, string> = {
  population: 'query($id: ID!) { person(nationalId: $id) { givenName } }',
  tax: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { incomeAssessments(year: ${YEAR}) { taxableIncome } } } }`,
  social:
    'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { benefitClaims { benefit } } } }',
};
const GRANT = `mutation($input: GrantAgreementInput!) { grantAgreement(input: $input) { id status } }`;
const APPROVE = `mutation($id: ID!, $version: Int!) { approveAgreement(id: $id, version: $version) { id status inForce } }`;
const REVOKE = `mutation($id: ID!, $reason: String!) { revokeAgreement(id: $id, reason: $reason) { id status } }`;

/** Where a read is tried: a gateway (the whole read) or one subgraph process directly. */
interface Target {
  name: string;
  /** True if the read was released, false if refused (FORBIDDEN); throws on anything else. */
  released(): Promise<boolean>;
}

/**
 * An organisation of the test's own with agreements on the three replicated agencies, and a
 * probe of its read at each gateway and at each subgraph process directly.
 */
export async function revocationProbes(db: Db, federation: ReplicaFederation, nationalId: string) {
  const organisation = await registerTestOrganisation(db, 'replica');
  const orgToken = await organisationToken({ organisation: organisation.code });
  // A request id of its own for every probe, as the gateway gives every request.
  const identity = (): RequestIdentity => ({
    requestId: randomUUID(),
    caller: {
      kind: 'organisation',
      subject: `${organisation.code}-client`,
      organisation: organisation.code,
      roles: [],
    },
    purpose: PURPOSE,
    caseId: null,
  });
  const gatewayUrl = federation.gateways[0]!.graphqlUrl;
  const asPersona = async (persona: 'steward' | `${ReadAgency}-controller`) => ({
    authorization: `Bearer ${await mintDemoToken(persona)}`,
  });
  const ids = {} as Record<ReadAgency, string>;
  for (const agency of READ_AGENCIES) {
    const id = `DSA-REPLICA-${randomBytes(4).toString('hex').toUpperCase()}`;
    ids[agency] = id;
    const input = {
      id,
      title: `Replica test: ${agency} data for a test organisation`,
      provider: agency,
      consumer: organisation.code,
      purposes: [PURPOSE],
      fields: FIELDS[agency],
      legalBasis: 'Test database only',
      legalBasisKind: 'LAW',
      reuseTerms: 'Test data only.',
      retentionDays: 1,
      validFrom: '2026-01-01',
    };
    expectNoErrors(
      await postGraphQL(
        gatewayUrl,
        { query: GRANT, variables: { input } },
        await asPersona('steward'),
      ),
    );
    expectNoErrors(
      await postGraphQL(
        gatewayUrl,
        { query: APPROVE, variables: { id, version: 1 } },
        await asPersona(`${agency}-controller`),
      ),
    );
  }

  const throughGateway = (index: number): Target => ({
    name: `gateway ${index}`,
    async released() {
      const response = await postGraphQL(
        federation.gateways[index]!.graphqlUrl,
        { query: readOf(nationalId) },
        { authorization: `Bearer ${orgToken}`, 'x-purpose': PURPOSE },
      );
      const parts = releasedParts(response.body.data);
      const some = READ_AGENCIES.some((agency) => parts[agency] != null);
      const all = READ_AGENCIES.every((agency) => parts[agency] != null);
      return decide(response, some, all);
    },
  });
  const direct = (agency: ReadAgency, replica: number, url: string): Target => ({
    name: `${agency} replica ${replica}`,
    async released() {
      const variables =
        agency === 'population'
          ? { id: nationalId }
          : { r: [{ __typename: 'Person', id: nationalId }] };
      const response = await askSubgraph(
        url,
        agency,
        { query: DIRECT[agency], variables },
        identity(),
      );
      const data = response.body.data as Record<string, unknown> | null | undefined;
      const value =
        agency === 'population'
          ? (data?.person as { givenName?: unknown } | null)?.givenName
          : ((data?._entities as Record<string, unknown>[] | undefined)?.[0]?.[
              agency === 'tax' ? 'incomeAssessments' : 'benefitClaims'
            ] ?? null);
      return decide(response, value != null, value != null);
    },
  });
  const targets: Target[] = [
    throughGateway(0),
    throughGateway(1),
    ...READ_AGENCIES.flatMap((agency) =>
      federation.subgraphs[agency].map((replica, index) => direct(agency, index, replica.url)),
    ),
  ];

  return {
    /** Waits until every target releases the read under the new agreements (at most 10 s). */
    async expectAllAllowed() {
      const deadline = Date.now() + 10_000;
      for (const target of targets) {
        while (!(await target.released())) {
          if (Date.now() > deadline) throw new Error(`${target.name} never released the read`);
          await pause(100);
        }
      }
    },
    /** Revokes the three agreements at once; when the store confirmed each revocation. */
    async revoke(): Promise<Record<ReadAgency, number>> {
      const headers = await asPersona('steward');
      const confirmed = await Promise.all(
        READ_AGENCIES.map(async (agency) => {
          const response = await postGraphQL(
            gatewayUrl,
            {
              query: REVOKE,
              variables: { id: ids[agency], reason: 'Replica test: the sharing ends' },
            },
            headers,
          );
          const at = performance.now();
          expectNoErrors(response);
          return [agency, at] as const;
        }),
      );
      return Object.fromEntries(confirmed) as Record<ReadAgency, number>;
    },
    /**
     * The targets that still release the read when asked `afterMs` after the last revocation
     * was confirmed (all asked at once); then once more, to see that a refusal lasts.
     */
    async releasingAfter(revokedAt: Record<ReadAgency, number>, afterMs: number) {
      const wait = Math.max(...Object.values(revokedAt)) + afterMs - performance.now();
      if (wait > 0) await pause(wait);
      const releasing: string[] = [];
      for (let round = 0; round < 2; round += 1) {
        const released = await Promise.all(targets.map((target) => target.released()));
        targets.forEach(({ name }, index) => {
          if (released[index] && !releasing.includes(name)) releasing.push(name);
        });
      }
      return releasing;
    },
    /** Every target's name. */
    names: () => targets.map(({ name }) => name),
    remove: () => organisation.remove(),
  };
}

/** Released in full, refused in full (FORBIDDEN), or a failure of the test's own. */
function decide(response: GraphQLResponse, some: boolean, all: boolean): boolean {
  const codes = (response.body.errors ?? []).map((error) => error.extensions?.code);
  if (all && codes.length === 0) return true;
  if (!some && codes.length > 0 && codes.every((code) => code === 'FORBIDDEN')) return false;
  throw new Error(`neither released nor refused: ${JSON.stringify(response.body)}`);
}

function expectNoErrors(response: GraphQLResponse): void {
  if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
