import { startTestFederation, type TestFederation } from './testing/startTestFederation';

let federation: TestFederation;
let page: string;
beforeAll(async () => {
  federation = await startTestFederation();
  const response = await fetch(federation.graphqlUrl, { headers: { accept: 'text/html' } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  page = await response.text();
});
afterAll(() => federation.stop());

/** Every URL the page loads: script and style references and the editor workers. */
function referencedUrls(html: string): string[] {
  const attributes = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map(
    (match) => match[1] as string,
  );
  const workers = [...html.matchAll(/"(\/[^"]*\.worker\.js)"/g)].map((match) => match[1] as string);
  return [...attributes, ...workers];
}

test('a browser asking for the endpoint gets the explorer page', () => {
  expect(page).toContain('YogaGraphiQL.renderYogaGraphiQL');
  expect(page).toContain('<title>govgraph explorer</title>');
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
    ]),
  );
  for (const url of urls) {
    const response = await fetch(`${federation.baseUrl}${url}`);
    const body = await response.arrayBuffer();
    expect({ url, status: response.status }).toEqual({ url, status: 200 });
    expect(response.headers.get('content-type')).toMatch(
      url.endsWith('.css') ? /^text\/css/ : /^text\/javascript/,
    );
    expect(body.byteLength).toBeGreaterThan(10_000);
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
