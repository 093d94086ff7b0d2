import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestFederation, type TestFederation } from './testing/startTestFederation';

let federation: TestFederation;
let page: string;
let pageHeaders: Headers;
beforeAll(async () => {
  federation = await startTestFederation();
  const response = await fetch(federation.graphqlUrl, { headers: { accept: 'text/html' } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  page = await response.text();
  pageHeaders = response.headers;
});
afterAll(() => federation.stop());

/** Every URL the page loads: script and style references, the import map and the editor workers. */
function referencedUrls(html: string): string[] {
  const attributes = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map(
    (match) => match[1] as string,
  );
  const workers = [...html.matchAll(/"(\/[^"]*\.worker\.js)"/g)].map((match) => match[1] as string);
  const mapped = [...html.matchAll(/"(\/explorer-assets\/oauth4webapi\.js)"/g)].map(
    (match) => match[1] as string,
  );
  return [...attributes, ...workers, ...mapped];
}

/** The workbench's own modules, imported by workbench.js and by each other. */
const WORKBENCH_MODULES = readdirSync(join(__dirname, 'workbench', 'client')).filter((file) =>
  file.endsWith('.js'),
);

test('a browser asking for the endpoint gets the workbench page around GraphiQL', () => {
  expect(page).toContain('<title>govgraph explorer</title>');
  expect(page).toContain('<script type="module" src="/explorer-assets/workbench.js">');
  expect(page).toContain('id="workbench-settings"');
});

test('every module the workbench imports is served', async () => {
  for (const file of WORKBENCH_MODULES) {
    const source = readFileSync(join(__dirname, 'workbench', 'client', file), 'utf8');
    for (const [, imported] of source.matchAll(/^import .* from '\.\/([\w.]+)';$/gm)) {
      expect(WORKBENCH_MODULES).toContain(imported);
    }
    const response = await fetch(`${federation.baseUrl}/explorer-assets/${file}`);
    expect({ file, status: response.status }).toEqual({ file, status: 200 });
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await response.text()).toBe(source);
  }
});

test('the page tells the workbench its sign-in and showcase as JSON that cannot close the script', () => {
  const json = /<script type="application\/json" id="workbench-settings">(.*?)<\/script>/s.exec(
    page,
  )?.[1];
  const settings = JSON.parse(json!) as { signIn: { kind: string }; showcase: unknown[] };
  expect(settings.signIn.kind).toBe('demo');
  expect(settings.showcase.length).toBeGreaterThan(0);
});

test('the page may run only its own scripts, talk only to the gateway and not be framed', () => {
  const policy = pageHeaders.get('content-security-policy') ?? '';
  expect(policy).toMatch(/(^|; )script-src 'self' 'sha256-[^']+' 'sha256-[^']+'(;|$)/);
  expect(policy).toContain("connect-src 'self';");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain('unsafe-eval');
  expect(pageHeaders.get('referrer-policy')).toBe('no-referrer');
  expect(pageHeaders.get('x-content-type-options')).toBe('nosniff');
});

test('the page refers to nothing outside the gateway', () => {
  expect(page).not.toMatch(/https?:\/\//);
  expect(page).not.toMatch(/(?:src|href)="\/\//);
  expect(page).not.toMatch(/unpkg|jsdelivr|cdnjs|cdn\./i);
});

test('every asset the page refers to is served with its content type', async () => {
  const urls = referencedUrls(page).filter((url) => !url.startsWith('data:'));
  expect(urls).toEqual(
    expect.arrayContaining([
      '/explorer-assets/graphiql.css',
      '/explorer-assets/graphiql.js',
      '/explorer-assets/editor.worker.js',
      '/explorer-assets/json.worker.js',
      '/explorer-assets/graphql.worker.js',
      '/explorer-assets/workbench.css',
      '/explorer-assets/workbench.js',
      '/explorer-assets/oauth4webapi.js',
    ]),
  );
  for (const url of urls) {
    const response = await fetch(`${federation.baseUrl}${url}`);
    const body = await response.arrayBuffer();
    expect({ url, status: response.status }).toEqual({ url, status: 200 });
    expect(response.headers.get('content-type')).toMatch(
      url.endsWith('.css') ? /^text\/css/ : /^text\/javascript/,
    );
    // GraphiQL's files are its bundle, not an error page; the workbench's own are small.
    expect(body.byteLength).toBeGreaterThan(url.includes('workbench') ? 500 : 10_000);
  }
});

test('nothing else is reachable under the asset route', async () => {
  for (const path of ['package.json', '..%2Fpackage.json', 'yoga-graphiql.es.js', '']) {
    expect((await fetch(`${federation.baseUrl}/explorer-assets/${path}`)).status).toBe(404);
  }
});

test('a GraphQL client asking the same endpoint still gets GraphQL', async () => {
  const response = await fetch(
    `${federation.graphqlUrl}?query=${encodeURIComponent('{ thing(id: "1") { id } }')}`,
    {
      headers: { accept: 'application/json' },
    },
  );
  expect(await response.json()).toEqual({ data: { thing: { id: '1' } } });
});
