import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../errors/ErrorCode';
import { tokenAdmissionOf, TokenAlreadyUsedError } from '../identity/TokenAdmission';
import { MAX_SUBJECTS_PER_REQUEST } from './accessLogBound';
import { estimateSubjects } from './estimateSubjects';
import type { Logger } from '../logging/logger';
import type { RequestPolicy } from '../policy/RequestPolicy';
import type { AccessLogWriter } from './accessLogWriter';

interface AccessLoggedContext {
  requestId: string;
  caseId: string | null;
  policy: RequestPolicy;
}

/**
 * Records every release of personal data before the response leaves the subgraph, in one
 * insert per request. Fails closed: if the record cannot be written, every personal value is
 * withheld from the response (null, with an ACCESS_LOG_UNAVAILABLE error at its path), so no
 * personal data is ever returned without its record. A request during which the agency's
 * database failed releases no personal data either (DATA_SOURCE_UNAVAILABLE): what was read
 * before the failure would be a person's record in part. The insert also decides whether the
 * request's gateway token is new to every replica, when that is still open: a replay writes no
 * record, and the server refuses its whole answer.
 */
export function accessLogPlugin<TContext extends AccessLoggedContext>(
  write: AccessLogWriter,
  logger: Logger,
  maxSubjects = MAX_SUBJECTS_PER_REQUEST,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        // A request that could reach more people than one request may is refused unread.
        async didResolveOperation({ contextValue, document, operation, request, schema }) {
          if (!operation) return;
          const reach = estimateSubjects(
            schema,
            contextValue.policy.fieldPolicy,
            document,
            operation,
            request.variables ?? {},
          );
          if (reach > maxSubjects) throw tooManySubjects(maxSubjects, reach);
        },
        async willSendResponse({ contextValue, response }) {
          const { policy } = contextValue;
          const recorder = policy.accessRecorder;
          if (recorder.isEmpty || response.body.kind !== 'single') return;
          const { singleResult } = response.body;
          if (singleResult.errors?.some(isDataSourceOutage)) {
            withhold(
              singleResult,
              recorder.releasedPaths(),
              "Withheld: this agency's database failed during the request, so its answer may be incomplete; try again later",
              ErrorCode.DATA_SOURCE_UNAVAILABLE,
            );
            return;
          }
          const entries = recorder.entries();
          if (entries.length > maxSubjects) {
            withhold(
              response.body.singleResult,
              recorder.releasedPaths(),
              `Withheld: this request reaches more than ${maxSubjects} people in one register; ask for fewer at a time`,
              ErrorCode.TOO_MANY_SUBJECTS,
            );
            return;
          }
          try {
            await write(
              {
                requestId: contextValue.requestId,
                caller: policy.caller,
                purpose: policy.purpose,
                caseId: contextValue.caseId,
              },
              entries,
              tokenAdmissionOf(contextValue),
            );
          } catch (error) {
            // Nothing was written, and the server sends nothing of the answer (serveBehindGateway).
            if (error instanceof TokenAlreadyUsedError) return;
            logger.error(
              { err: error, requestId: contextValue.requestId },
              'access log unavailable: personal data withheld',
            );
            withhold(
              response.body.singleResult,
              recorder.releasedPaths(),
              'Withheld: this access to personal data could not be recorded in the access log; try again later',
              ErrorCode.ACCESS_LOG_UNAVAILABLE,
            );
          }
        },
      };
    },
  };
}

const isDataSourceOutage = (error: GraphQLFormattedError) =>
  error.extensions?.code === ErrorCode.DATA_SOURCE_UNAVAILABLE;

function tooManySubjects(maxSubjects: number, reach: number): GraphQLError {
  return new GraphQLError(
    `A request may release personal data about at most ${maxSubjects} people in one register; this one could reach ${reach}: ask for smaller pages or fewer nested lists`,
    { extensions: { code: ErrorCode.TOO_MANY_SUBJECTS, limit: maxSubjects, estimate: reach } },
  );
}

/** Nulls every released personal value, each with an error saying why. */
function withhold(
  result: { data?: unknown; errors?: readonly GraphQLFormattedError[] },
  paths: (string | number)[][],
  message: string,
  code: ErrorCode,
): void {
  const withheld: GraphQLFormattedError[] = [];
  for (const path of paths) {
    if (setNull(result.data, path))
      withheld.push({ message, path: [...path], extensions: { code } });
  }
  result.errors = [...(result.errors ?? []), ...withheld];
}

/** Sets the value at `path` to null; false when the path is not in the data (already withheld). */
function setNull(data: unknown, path: readonly (string | number)[]): boolean {
  let node = data as Record<string | number, unknown> | null | undefined;
  for (const key of path.slice(0, -1)) {
    node = node?.[key] as Record<string | number, unknown> | null | undefined;
    if (node === null || node === undefined || typeof node !== 'object') return false;
  }
  const last = path[path.length - 1]!;
  if (!node || !(last in node) || node[last] === null) return false;
  node[last] = null;
  return true;
}
