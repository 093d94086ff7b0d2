import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestPolicy } from './RequestPolicy';

/**
 * Puts the terms under which the response's data was released into `extensions.dataUse`, one
 * entry per agreement (or per public / own-data release); the gateway merges every agency's.
 */
export function dataUsePlugin(): ApolloServerPlugin<{ policy?: RequestPolicy }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const entries = contextValue.policy?.dataUse.list() ?? [];
          if (entries.length === 0 || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, dataUse: entries };
        },
      };
    },
  };
}
