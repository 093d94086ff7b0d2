import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';
import { ErrorCode } from '../platform/errors/ErrorCode';

/**
 * Refuses, while validating, an operation of a type the graph does not have (a subscription:
 * the graph has none). graphql 16 has no such rule and fails at execution instead, with an
 * uncoded error that would reach the client as an internal one.
 */
export function useKnownOperationTypes(): GatewayPlugin {
  const rule = (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      if (context.getSchema().getRootType(operation.operation)) return;
      context.reportError(
        new GraphQLError(`The graph has no ${operation.operation} operations.`, {
          nodes: operation,
          extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED },
        }),
      );
    },
  });
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(rule);
    },
  };
}
