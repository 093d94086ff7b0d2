import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Where the explorer's scripts and styles are served; the page refers to nothing else. */
export const EXPLORER_ASSETS_PATH = '/explorer-assets';

interface Asset {
  /** Path inside the package's `dist` folder. */
  file: string;
  contentType: string;
}

// A fixed list rather than a directory listing: nothing else in node_modules is reachable.
const ASSETS = {
  'graphiql.css': { file: 'graphiql.css', contentType: 'text/css; charset=utf-8' },
  'graphiql.js': { file: 'yoga-graphiql.umd.js', contentType: 'text/javascript; charset=utf-8' },
  'editor.worker.js': {
    file: 'monacoeditorwork/editor.worker.bundle.js',
    contentType: 'text/javascript; charset=utf-8',
  },
  'json.worker.js': {
    file: 'monacoeditorwork/json.worker.bundle.js',
    contentType: 'text/javascript; charset=utf-8',
  },
  'graphql.worker.js': {
    file: 'monacoeditorwork/graphql.worker..bundle.js',
    contentType: 'text/javascript; charset=utf-8',
  },
} as const satisfies Record<string, Asset>;

/** The name of one file the explorer page loads. */
export type ExplorerAsset = keyof typeof ASSETS;

/** The URL of one explorer asset, e.g. `/explorer-assets/graphiql.js`. */
export function explorerAssetUrl(name: ExplorerAsset): string {
  return `${EXPLORER_ASSETS_PATH}/${name}`;
}

/**
 * Serves GraphiQL's bundle straight from the installed `@graphql-yoga/graphiql` package, so
 * the explorer works without internet access and without a copy of the bundle in the repo.
 */
export function useExplorerAssets(): GatewayPlugin {
  // The package's exports map only lists package.json, which still locates its dist folder.
  const distDirectory = join(
    dirname(require.resolve('@graphql-yoga/graphiql/package.json')),
    'dist',
  );
  const contents = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();

  function load(asset: Asset): Promise<Uint8Array<ArrayBuffer>> {
    let content = contents.get(asset.file);
    if (!content) {
      content = readFile(join(distDirectory, asset.file)).then((buffer) => new Uint8Array(buffer));
      // A failed read is retried on the next request instead of being cached.
      content.catch(() => contents.delete(asset.file));
      contents.set(asset.file, content);
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
            headers: { 'content-type': asset.contentType, 'cache-control': 'public, max-age=3600' },
          }),
        );
      });
    },
  };
}
