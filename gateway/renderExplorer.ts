import type { GatewayConfigBase } from '@graphql-hive/gateway-runtime';
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
  const workers = {
    editorWorkerService: explorerAssetUrl('editor.worker.js'),
    json: explorerAssetUrl('json.worker.js'),
    graphql: explorerAssetUrl('graphql.worker.js'),
  };
  const imports = { imports: { oauth4webapi: explorerAssetUrl('oauth4webapi.js') } };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${explorerAssetUrl('graphiql.css')}">
<link rel="stylesheet" href="${explorerAssetUrl('workbench.css')}">
<script type="importmap">${scriptJson(imports)}</script>
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
<button type="button" role="tab" data-panel="data-use" aria-selected="false">Data use</button>
</nav>
<section id="wb-panel-showcase" role="tabpanel"></section>
<p id="wb-showcase-note" role="status"></p>
<section id="wb-panel-catalog" role="tabpanel" hidden></section>
<section id="wb-panel-data-use" role="tabpanel" hidden></section>
</aside>
<div id="root">Loading ${escapeHtml(title)}…</div>
</main>
<script type="application/json" id="workbench-settings">${scriptJson(settings)}</script>
<script>
var workers = ${scriptJson(workers)};
self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: function (_moduleId, label) { return workers[label] || workers.editorWorkerService; }
};
</script>
<script src="${explorerAssetUrl('graphiql.js')}"></script>
<script type="module" src="${explorerAssetUrl('workbench.js')}"></script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

// JSON inside a <script> element must not be able to close it ("</script>") or open a comment.
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
