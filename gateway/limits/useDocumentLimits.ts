import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { ErrorCode } from '../../platform/errors/ErrorCode';
import { limitError, type RequestLimits } from './requestLimits';

/**
 * graphql-armor's token, depth, alias and directive limits, each refusing with its own code
 * instead of armor's uncoded "Syntax Error". Tokens are counted while parsing, so a huge
 * document is refused before it is parsed whole; the others are validation rules, so an
 * operation over them is never planned.
 */
export function useDocumentLimits(limits: RequestLimits): GatewayPlugin[] {
  // Thrown rather than reported, so that validation stops at the first limit and the
  // refusal keeps its 400: the runtime answers reported validation errors to a client
  // accepting plain `application/json` with 200, as the GraphQL-over-HTTP spec allows.
  const refuse = (code: ErrorCode, message: string) => (): never => {
    throw limitError(code, message);
  };
  const plugins = [
    maxTokensPlugin({
      n: limits.maxTokens,
      propagateOnRejection: false,
      onReject: [
        refuse(ErrorCode.TOO_MANY_TOKENS, `The document has more than ${limits.maxTokens} tokens.`),
      ],
    }),
    maxDepthPlugin({
      n: limits.maxDepth,
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [
        refuse(ErrorCode.QUERY_TOO_DEEP, `The operation is deeper than ${limits.maxDepth} levels.`),
      ],
    }),
    maxAliasesPlugin({
      n: limits.maxAliases,
      // armor lets `__typename` be aliased freely by default, which is the published
      // attack itself (thousands of `aN: __typename`): here every alias counts.
      allowList: [],
      propagateOnRejection: false,
      onReject: [
        refuse(
          ErrorCode.TOO_MANY_ALIASES,
          `The operation has more than ${limits.maxAliases} aliases.`,
        ),
      ],
    }),
    maxDirectivesPlugin({
      n: limits.maxDirectives,
      propagateOnRejection: false,
      onReject: [
        refuse(
          ErrorCode.TOO_MANY_DIRECTIVES,
          `The operation has more than ${limits.maxDirectives} directives.`,
        ),
      ],
    }),
  ];
  return plugins as GatewayPlugin[];
}
