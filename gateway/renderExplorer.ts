import type { GatewayConfigBase } from '@graphql-hive/gateway-runtime';
import { explorerAssetUrl } from './explorerAssets';

/** The GraphiQL settings the runtime hands to a page renderer (title, endpoint, default query...). */
export type ExplorerOptions = Parameters<
  NonNullable<GatewayConfigBase<Record<string, unknown>>['renderGraphiQL']>
>[0];

// The runtime's default renderer adds its own product logo and favicon URL; the page shows ours.
const OMITTED_OPTIONS = new Set(['logo', 'favicon']);

/**
 * The explorer page: GraphiQL loaded only from the gateway's own asset route, so it renders
 * on a network without internet access. Monaco's editor workers are started from the same
 * route; without `getWorkerUrl` Monaco would try to build them from a CDN.
 */
export function renderExplorer(options: ExplorerOptions = {}): string {
  const title = options.title ?? 'GraphQL explorer';
  const settings = Object.fromEntries(
    Object.entries(options).filter(([key]) => !OMITTED_OPTIONS.has(key)),
  );
  const workers = {
    editorWorkerService: explorerAssetUrl('editor.worker.js'),
    json: explorerAssetUrl('json.worker.js'),
    graphql: explorerAssetUrl('graphql.worker.js'),
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${explorerAssetUrl('graphiql.css')}">
</head>
<body class="no-focus-outline">
<noscript>The explorer needs JavaScript.</noscript>
<div id="root" style="height: 100vh">Loading ${escapeHtml(title)}…</div>
<script>
var workers = ${scriptJson(workers)};
self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: function (_moduleId, label) { return workers[label] || workers.editorWorkerService; }
};
</script>
<script src="${explorerAssetUrl('graphiql.js')}"></script>
<script>YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), ${scriptJson(settings)});</script>
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
