import { graphql, type ExecutionResult } from 'graphql';
import type { Caller } from '../../platform/context/Caller';
import { createLogger } from '../../platform/logging/logger';
import { createPolicyRuntime, type PolicyRuntime } from '../../platform/policy/policyRuntime';
import { createRequestContext } from '../../platform/subgraph/createRequestContext';
import type { AgencySubgraph } from '../../platform/subgraph/SubgraphDefinition';
import { PERSONAS } from '../../demo/identity/personas';
import { connectTestDatabase } from './testDatabase';

export type PersonaName = keyof typeof PERSONAS;

/** The caller a persona's token stands for, as the gateway would verify it. */
export function callerOf(persona: PersonaName, subject?: string): Caller {
  const claims = (PERSONAS[persona] as { claims?: { sub: string; org?: string; roles?: string[] } })
    .claims;
  if (!claims) return { kind: 'public' };
  if (!claims.org) return { kind: 'citizen', subject: subject ?? claims.sub };
  return {
    kind: 'organisation',
    subject: claims.sub,
    organisation: claims.org,
    roles: claims.roles ?? [],
  };
}

export interface AsCaller {
  persona: PersonaName;
  purpose?: string;
  subject?: string;
  /** The gateway's id of the client request (default: "test"). */
  requestId?: string;
}

/**
 * Runs queries against one subgraph as it runs behind the gateway: a request context per query,
 * made for a persona and purpose, under the agreements of the test database.
 */
export async function subgraphRequester(
  subgraph: AgencySubgraph,
  options: { statisticsSecret?: Buffer } = {},
) {
  // The governance store gets a connection of its own, so it never counts as the agency's SQL.
  const governanceDb = connectTestDatabase(2);
  const policy: PolicyRuntime = await createPolicyRuntime({
    db: governanceDb,
    logger: createLogger('test', 'silent'),
  });
  const run = (
    source: string,
    as: AsCaller,
    variableValues?: Record<string, unknown>,
  ): Promise<ExecutionResult> => {
    const contextValue = createRequestContext(
      subgraph,
      {
        requestId: as.requestId ?? 'test',
        caller: callerOf(as.persona, as.subject),
        purpose: as.purpose ?? null,
        caseId: null,
      },
      policy,
      options.statisticsSecret ?? null,
    );
    return Promise.resolve(
      graphql({ schema: subgraph.schema, source, variableValues, contextValue }),
    );
  };
  return {
    policy,
    run,
    /** The data of a query that must succeed without errors. */
    async data(
      source: string,
      as: AsCaller,
      variableValues?: Record<string, unknown>,
    ): Promise<Record<string, unknown>> {
      const result = await run(source, as, variableValues);
      expect(result.errors).toBeUndefined();
      return result.data as Record<string, unknown>;
    },
    /** The code of the one error a query must give. */
    async errorCode(
      source: string,
      as: AsCaller,
      variableValues?: Record<string, unknown>,
    ): Promise<unknown> {
      const result = await run(source, as, variableValues);
      expect(result.errors).toHaveLength(1);
      return result.errors![0]!.extensions.code;
    },
    async stop() {
      await policy.stop();
      await governanceDb.destroy();
    },
  };
}
