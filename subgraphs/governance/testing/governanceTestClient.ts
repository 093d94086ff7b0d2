import { randomBytes, randomUUID } from 'node:crypto';
import { type ExecutionResult, graphql } from 'graphql';
import { PERSONAS, type PersonaName } from '../../../demo/identity/personas';
import { type Caller, PUBLIC_CALLER } from '../../../platform/context/Caller';
import type { Db } from '../../../platform/db/createDb';
import { nationalIdFor } from '../../../platform/identity/nationalId';
import { createLogger } from '../../../platform/logging/logger';
import { createPolicyRuntime, type PolicyRuntime } from '../../../platform/policy/policyRuntime';
import { connectTestDatabase } from '../../../test/support/testDatabase';
import { createGovernanceSubgraph } from '../index';
import { governancePolicy } from '../policy';

/** Who asks: a demo persona, or any caller. */
export type Asker = PersonaName | Caller;

export function callerOf(asker: Asker): Caller {
  if (typeof asker !== 'string') return asker;
  const { claims } = PERSONAS[asker] as {
    claims?: { sub: string; org?: string; roles?: string[] };
  };
  if (!claims) return PUBLIC_CALLER;
  return claims.org
    ? {
        kind: 'organisation',
        subject: claims.sub,
        organisation: claims.org,
        roles: claims.roles ?? [],
      }
    : { kind: 'citizen', subject: claims.sub };
}

export interface Ask {
  as: Asker;
  purpose?: string;
  variables?: Record<string, unknown>;
}

/** The governance subgraph over the test database, asked in-process as a persona would ask it. */
export interface GovernanceTestClient {
  db: Db;
  runtime: PolicyRuntime;
  execute(source: string, ask: Ask): Promise<ExecutionResult>;
  /** Runs a query that must succeed and returns its data. */
  data<T = Record<string, unknown>>(source: string, ask: Ask): Promise<T>;
  /** Runs a query that must fail and returns its first error's code and message. */
  error(source: string, ask: Ask): Promise<{ code: unknown; message: string }>;
  stop(): Promise<void>;
}

export async function startGovernanceTestClient(): Promise<GovernanceTestClient> {
  const db = connectTestDatabase();
  const subgraph = await createGovernanceSubgraph(db);
  const runtime = await createPolicyRuntime({
    db,
    logger: createLogger('governance-test', 'silent'),
  });
  const execute = (source: string, { as, purpose, variables }: Ask) => {
    const caller = callerOf(as);
    const contextValue = {
      requestId: randomUUID(),
      caller,
      purpose: purpose ?? null,
      caseId: null,
      loaders: subgraph.createLoaders(),
      repositories: subgraph.repositories,
      policy: runtime.forRequest(governancePolicy, caller, purpose ?? null),
    };
    return graphql({ schema: subgraph.schema, source, variableValues: variables, contextValue });
  };
  return {
    db,
    runtime,
    execute,
    async data<T>(source: string, ask: Ask) {
      const result = await execute(source, ask);
      expect(result.errors).toBeUndefined();
      return result.data as T;
    },
    async error(source: string, ask: Ask) {
      const { errors } = await execute(source, ask);
      expect(errors).toHaveLength(1);
      return { code: errors![0]!.extensions.code, message: errors![0]!.message };
    },
    async stop() {
      await runtime.stop();
      await db.destroy();
    },
  };
}

/**
 * An organisation of its own for one test file, so that the agreements it is granted never
 * change what the demo personas of other test files may read. Removed with everything it got.
 */
export async function addTestOrganisation(
  db: Db,
): Promise<{ code: string; remove(): Promise<void> }> {
  const code = `test-${randomBytes(4).toString('hex')}`;
  await db('governance.organisation').insert({
    code,
    name: `Test Lender ${code}`,
    kind: 'private',
  });
  return {
    code,
    async remove() {
      await db('governance.consent').where({ consumer: code }).delete();
      await db('governance.agreement').where({ consumer: code }).delete();
      await db('governance.organisation').where({ code }).delete();
    },
  };
}

/** A citizen no other test file asks as (a national ID far above the demo country's serials), other than `other`. */
export function testCitizen(other?: Caller): Caller {
  for (;;) {
    const subject = nationalIdFor('1990-01-01', 'F', 900 + (randomBytes(1)[0]! % 90));
    if (other?.kind !== 'citizen' || other.subject !== subject) return { kind: 'citizen', subject };
  }
}

/** A register number no seeded or other test agreement has. */
export function testAgreementId(): string {
  return `DSA-TEST-${randomBytes(4).toString('hex').toUpperCase()}`;
}
