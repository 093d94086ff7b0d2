import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { useExplorerAssets } from './explorerAssets';
import { useSubgraphExtensions } from './useSubgraphExtensions';
import { useVariableErrorCodes } from './useVariableErrorCodes';

/** Response extensions that subgraphs report and the client receives. */
export const DEFAULT_EXTENSION_KEYS = ['dataUse'] as const;

export interface GatewayPluginOptions {
  extensionKeys: readonly string[];
}

/**
 * Every plugin the gateway runs, in order. Identity checks (verifying the caller's token)
 * and signing what the subgraphs receive belong here, ahead of the plugins that read the
 * request's context.
 */
export function createGatewayPlugins(options: GatewayPluginOptions): GatewayPlugin[] {
  return [
    useExplorerAssets(),
    useVariableErrorCodes(),
    useSubgraphExtensions({ keys: options.extensionKeys }),
  ];
}
