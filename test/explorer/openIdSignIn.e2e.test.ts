import type { Browser, Page, Request } from 'playwright-core';
import path from 'node:path';
import { readRoleGrants } from '../../gateway/identity/roleGrants';
import { profileDefaults } from '../../gateway/profiles/profileSettings';
import {
  startTestFederation,
  type TestFederation,
} from '../../gateway/testing/startTestFederation';
import { repoRoot } from '../../platform/repoRoot';
import { describeWithChromium, launchChromium, screenshotsOf } from '../support/chromium';
import { startTestOpenIdProvider, type TestOpenIdProvider } from '../support/testOpenIdProvider';

const CLIENT_ID = 'govgraph-explorer';
const AUDIENCE = 'govgraph-production';
const ANALYST = {
  sub: '48801300990',
  name: 'Liis Mets',
  org: 'statistics-office',
  roles: ['statistician'],
};

describeWithChromium('the workbench in production: OpenID Connect sign-in with PKCE', () => {
  let provider: TestOpenIdProvider;
  let gateway: TestFederation;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  beforeAll(async () => {
    provider = await startTestOpenIdProvider({ audience: AUDIENCE, user: ANALYST });
    [gateway, browser] = await Promise.all([
      startTestFederation({
        profile: { ...profileDefaults('production', 0), explorer: true },
        identity: {
          issuer: provider.issuer,
          audience: AUDIENCE,
          keys: { jwksUrl: provider.jwksUrl },
          roleGrants: readRoleGrants(path.join(repoRoot(), 'demo', 'roles.json')),
        },
        explorerOpenId: { clientId: CLIENT_ID, scope: 'openid profile' },
      }),
      launchChromium(),
    ]);
    provider.register({ clientId: CLIENT_ID, redirectUri: gateway.graphqlUrl });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (/content security policy/i.test(message.text())) pageErrors.push(message.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    await provider?.stop();
  });

  /** The next request of the page to the gateway that carries a bearer token. */
  const signedInRequest = () =>
    page.waitForRequest(
      (request: Request) =>
        request.method() === 'POST' &&
        request.url() === gateway.graphqlUrl &&
        request.headers().authorization?.startsWith('Bearer ') === true,
    );

  test('signs in at the provider, comes back with a verified code and asks the graph with the token', async () => {
    const screenshot = await screenshotsOf(page, 'explorer-openid');
    await page.goto(gateway.graphqlUrl);
    await page.locator('#wb-sign-in').waitFor();
    expect(await page.locator('#wb-who').innerText()).toContain('the public');
    await screenshot('not-signed-in');

    // The provider signs the analyst in at once and sends the browser back with a code.
    const asked = signedInRequest();
    const introspected = page.waitForResponse(
      (response) =>
        response.request().headers().authorization?.startsWith('Bearer ') === true &&
        (response.request().postData() ?? '').includes('IntrospectionQuery'),
    );
    await page.locator('#wb-sign-in').click();
    await page.locator('#wb-sign-out').waitFor();
    expect(await page.locator('#wb-who').innerText()).toBe('Signed in as Liis Mets');
    expect(new URL(page.url()).search).toBe('');
    expect(provider.exchanges).toEqual([
      { clientId: CLIENT_ID, verifierMatched: true, outcome: 'issued' },
    ]);

    // The gateway takes the provider's access token: the workbench's own request of the
    // schema, which a production gateway answers to organisations only, is answered.
    const request = await asked;
    expect((await request.response())!.status()).not.toBe(401);
    // The editor read the schema again as the analyst, which production shows organisations.
    const introspection = await introspected;
    expect(introspection.status()).toBe(200);
    expect(((await introspection.json()) as { data?: unknown }).data).toBeDefined();
    // A string, so that the test's compiler leaves the browser's import() alone.
    const answer: unknown = await page.evaluate(`(async () => {
      const { postGraphQL } = await import('/explorer-assets/graphFetch.js');
      const session = JSON.parse(sessionStorage.getItem('govgraph.workbench.session'));
      return postGraphQL('/graphql', session, { query: '{ __schema { queryType { name } } }' });
    })()`);
    expect(answer).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    await screenshot('signed-in');

    // The token is in this tab's session storage only, never in localStorage.
    const stored = await page.evaluate(() => ({
      session: sessionStorage.getItem('govgraph.workbench.session') ?? '',
      local: JSON.stringify(localStorage),
    }));
    expect(stored.session).toContain('"token":"ey');
    expect(stored.local).not.toContain('ey');
    expect(pageErrors).toEqual([]);
  });

  test('a return with a state this tab did not send is refused and signs nobody in', async () => {
    await page.locator('#wb-sign-out').click();
    await page.locator('#wb-sign-in').waitFor();
    await page.goto(`${gateway.graphqlUrl}?code=stolen&state=forged`);
    await page.locator('#wb-sign-in-status', { hasText: 'Sign-in failed' }).waitFor();
    expect(await page.locator('#wb-who').innerText()).toContain('the public');
    expect(provider.exchanges).toHaveLength(1);
  });

  test('a return with another state than the one this tab sent is refused before any exchange', async () => {
    await page.goto(gateway.graphqlUrl);
    await page.locator('#wb-sign-in').waitFor();
    // Someone else's authorization response arrives in place of the provider's answer.
    await page.route(`${provider.issuer}/authorize**`, (route) =>
      route.fulfill({
        status: 302,
        headers: { location: `${gateway.graphqlUrl}?code=someone-elses&state=not-this-tabs` },
      }),
    );
    await page.locator('#wb-sign-in').click();
    await page.locator('#wb-sign-in-status', { hasText: 'Sign-in failed' }).waitFor();
    expect(await page.locator('#wb-sign-in-status').innerText()).toMatch(/state/i);
    expect(await page.locator('#wb-who').innerText()).toContain('the public');
    expect(provider.exchanges).toHaveLength(1);
    await page.unroute(`${provider.issuer}/authorize**`);
  });
});
