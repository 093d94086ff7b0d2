import type { GatewayConfigBase } from '@graphql-hive/gateway-runtime';
import { createHash } from 'node:crypto';
import { explorerAssetUrl } from './explorerAssets';
import type { WorkbenchSettings } from './workbench/workbenchSettings';

/** The GraphiQL settings the runtime hands to a page renderer (title, endpoint, default query...). */
export type ExplorerOptions = Parameters<
  NonNullable<GatewayConfigBase<Record<string, unknown>>['renderGraphiQL']>
>[0];

/**
 * The explorer page, govgraph's workbench: GraphiQL for the editor, with panels around it
 * (sign-in, purpose, showcase, catalog, the response's data use), all loaded from the
 * gateway's own asset route, so it renders on a network without internet access. Monaco's
 * editor workers are started from the same route; without `getWorkerUrl` Monaco would try
 * to build them from a CDN. The workbench's scripts are ES modules; `oauth4webapi` is mapped
 * to its module on the same route.
 */
export function renderExplorer(
  options: ExplorerOptions,
  workbench: Omit<WorkbenchSettings, 'title'>,
): string {
  const title = options.title ?? 'GraphQL explorer';
  const settings: WorkbenchSettings = { title, ...workbench };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${explorerAssetUrl('graphiql.css')}">
<link rel="stylesheet" href="${explorerAssetUrl('workbench.css')}">
<script type="importmap">${IMPORT_MAP}</script>
</head>
<body class="no-focus-outline">
<noscript>The explorer needs JavaScript.</noscript>
<header class="wb-bar">
<h1>${escapeHtml(title)}</h1>
<section id="wb-sign-in-box" aria-label="Sign-in"></section>
<section id="wb-purpose-box" aria-label="Purpose and case"></section>
</header>
<main class="wb-main">
<aside class="wb-side">
<nav role="tablist">
<button type="button" role="tab" data-panel="showcase" aria-selected="true">Showcase</button>
<button type="button" role="tab" data-panel="catalog" aria-selected="false">Catalog</button>
<button type="button" role="tab" data-panel="data-use" id="wb-tab-data-use" aria-selected="false">Data use</button>
</nav>
<section id="wb-panel-showcase" role="tabpanel"></section>
<p id="wb-showcase-note" role="status"></p>
<section id="wb-panel-catalog" role="tabpanel" hidden></section>
<section id="wb-panel-data-use" role="tabpanel" hidden></section>
</aside>
<div id="root">Loading ${escapeHtml(title)}…</div>
</main>
<script type="application/json" id="workbench-settings">${scriptJson(settings)}</script>
<script>${MONACO_ENVIRONMENT}</script>
<script src="${explorerAssetUrl('graphiql.js')}"></script>
<script type="module" src="${explorerAssetUrl('workbench.js')}"></script>
</body>
</html>
`;
}

const WORKERS = {
  editorWorkerService: explorerAssetUrl('editor.worker.js'),
  json: explorerAssetUrl('json.worker.js'),
  graphql: explorerAssetUrl('graphql.worker.js'),
};

// The page's two inline scripts are fixed, so the policy can name them by their hashes.
const IMPORT_MAP = scriptJson({ imports: { oauth4webapi: explorerAssetUrl('oauth4webapi.js') } });
const MONACO_ENVIRONMENT = `
var workers = ${scriptJson(WORKERS)};
self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: function (_moduleId, label) { return workers[label] || workers.editorWorkerService; }
};
`;

/**
 * The Content-Security-Policy of the explorer page: scripts, workers, styles and fonts from
 * the gateway only (and the two inline scripts by hash), requests to the gateway and to
 * `connectOrigins` (the identity provider, for sign-in), no framing by other sites, no
 * plugins. A script injected into the page could read the token in sessionStorage; this
 * keeps it from running.
 */
export function explorerContentSecurityPolicy(connectOrigins: readonly string[]): string {
  const hashes = [IMPORT_MAP, MONACO_ENVIRONMENT]
    .map((script) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`)
    .join(' ');
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes}`,
    "worker-src 'self'",
    // GraphiQL and its editor set styles from script.
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "img-src 'self' data:",
    ['connect-src', "'self'", ...connectOrigins].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

// JSON inside a <script> element must not be able to close it ("</script>") or open a comment.
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
