import type { ApolloServerPlugin } from '@apollo/server';
import { SpanStatusCode } from '@opentelemetry/api';
import { govgraphTracer } from './runInSpan';
import { allowedAttributes } from './spanAttributes';

/**
 * A span for each root field a subgraph resolves, `_entities` (the entity resolvers) among
 * them; nested fields get none, so a page of a thousand rows costs a handful of spans.
 */
export function resolverSpansPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        executionDidStart() {
          return Promise.resolve({
            willResolveField({ info }) {
              if (info.path.prev !== undefined) return;
              const span = govgraphTracer().startSpan(
                `resolve ${info.parentType.name}.${info.fieldName}`,
                {
                  attributes: allowedAttributes({
                    'graphql.field.parent_type': info.parentType.name,
                    'graphql.field.name': info.fieldName,
                  }),
                },
              );
              return (error) => {
                if (error) {
                  span.setStatus({ code: SpanStatusCode.ERROR });
                  span.setAttribute('error.type', error.name);
                }
                span.end();
              };
            },
          });
        },
      });
    },
  };
}
