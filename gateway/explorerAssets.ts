import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Where the explorer's scripts and styles are served; the page refers to nothing else. */
export const EXPLORER_ASSETS_PATH = '/explorer-assets';

/** Where an asset's file lives: a package's build, or the workbench's own scripts. */
type AssetRoot = 'graphiql' | 'oauth4webapi' | 'workbench';

interface Asset {
  root: AssetRoot;
  /** Path inside its root folder. */
  file: string;
  contentType: string;
}

const JAVASCRIPT = 'text/javascript; charset=utf-8';

/** The workbench's own modules (gateway/workbench/client), served as they are written. */
const WORKBENCH_MODULES = [
  'workbench.js',
  'dom.js',
  'session.js',
  'graphFetch.js',
  'demoSignIn.js',
  'openIdSignIn.js',
  'purposePicker.js',
  'showcasePanel.js',
  'catalogPanel.js',
  'dataUsePanel.js',
  'describeDataUse.js',
  'editor.js',
] as const;

// A fixed list rather than a directory listing: nothing else in node_modules is reachable.
const ASSETS = {
  'graphiql.css': {
    root: 'graphiql',
    file: 'graphiql.css',
    contentType: 'text/css; charset=utf-8',
  },
  'graphiql.js': { root: 'graphiql', file: 'yoga-graphiql.umd.js', contentType: JAVASCRIPT },
  'editor.worker.js': {
    root: 'graphiql',
    file: 'monacoeditorwork/editor.worker.bundle.js',
    contentType: JAVASCRIPT,
  },
  'json.worker.js': {
    root: 'graphiql',
    file: 'monacoeditorwork/json.worker.bundle.js',
    contentType: JAVASCRIPT,
  },
  'graphql.worker.js': {
    root: 'graphiql',
    file: 'monacoeditorwork/graphql.worker..bundle.js',
    contentType: JAVASCRIPT,
  },
  'oauth4webapi.js': { root: 'oauth4webapi', file: 'index.js', contentType: JAVASCRIPT },
  'workbench.css': {
    root: 'workbench',
    file: 'workbench.css',
    contentType: 'text/css; charset=utf-8',
  },
  ...(Object.fromEntries(
    WORKBENCH_MODULES.map((file) => [file, { root: 'workbench', file, contentType: JAVASCRIPT }]),
  ) as Record<(typeof WORKBENCH_MODULES)[number], Asset>),
} as const satisfies Record<string, Asset>;

/** The name of one file the explorer page loads. */
export type ExplorerAsset = keyof typeof ASSETS;

/** The URL of one explorer asset, e.g. `/explorer-assets/graphiql.js`. */
export function explorerAssetUrl(name: ExplorerAsset): string {
  return `${EXPLORER_ASSETS_PATH}/${name}`;
}

/**
 * Serves GraphiQL's bundle straight from the installed `@graphql-yoga/graphiql` package (and
 * oauth4webapi's module likewise), so the explorer works without internet access and without
 * a copy of either in the repo, beside the workbench's own scripts.
 */
export function useExplorerAssets(): GatewayPlugin {
  const roots: Record<AssetRoot, string> = {
    // The package's exports map only lists package.json, which still locates its dist folder.
    graphiql: join(dirname(require.resolve('@graphql-yoga/graphiql/package.json')), 'dist'),
    // One ES module without imports: the browser loads it as it is.
    oauth4webapi: join(dirname(require.resolve('oauth4webapi/package.json')), 'build'),
    // Beside this file, in the sources and in dist/ (where the build copies it).
    workbench: join(__dirname, 'workbench', 'client'),
  };
  const contents = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();

  function load(asset: Asset): Promise<Uint8Array<ArrayBuffer>> {
    const path = join(roots[asset.root], asset.file);
    let content = contents.get(path);
    if (!content) {
      content = readFile(path).then((buffer) => new Uint8Array(buffer));
      // A failed read is retried on the next request instead of being cached.
      content.catch(() => contents.delete(path));
      contents.set(path, content);
    }
    return content;
  }

  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' || !url.pathname.startsWith(`${EXPLORER_ASSETS_PATH}/`)) return;
      const name = url.pathname.slice(EXPLORER_ASSETS_PATH.length + 1);
      const asset: Asset | undefined = Object.hasOwn(ASSETS, name)
        ? ASSETS[name as ExplorerAsset]
        : undefined;
      if (!asset) {
        endResponse(new fetchAPI.Response('Not found', { status: 404 }));
        return;
      }
      return load(asset).then((body) => {
        endResponse(
          new fetchAPI.Response(body, {
            status: 200,
            headers: {
              'content-type': asset.contentType,
              // The workbench's modules change with the gateway; the packages' with their version.
              'cache-control': asset.root === 'workbench' ? 'no-cache' : 'public, max-age=3600',
            },
          }),
        );
      });
    },
  };
}
