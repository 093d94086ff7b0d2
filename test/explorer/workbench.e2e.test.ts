import type { Browser, Page, Request } from 'playwright-core';
import { SHOWCASE_OPERATIONS } from '../../demo/showcaseOperations';
import { describeWithChromium, launchChromium, screenshotsOf } from '../support/chromium';
import { startTestFederation, type TestFederation } from '../support/testFederation';

const PERSON = 'PersonAcrossSixAgencies';

describeWithChromium('the workbench, in headless Chromium', () => {
  let federation: TestFederation;
  let browser: Browser;
  let page: Page;
  /** Uncaught errors of the page's scripts: there must be none. */
  const pageErrors: string[] = [];
  beforeAll(async () => {
    [federation, browser] = await Promise.all([startTestFederation(), launchChromium()]);
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // What the page's Content-Security-Policy blocked is reported on the console.
    page.on('console', (message) => {
      if (/content security policy/i.test(message.text())) pageErrors.push(message.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await federation?.stop();
  });

  /** The next GraphQL request the page sends for an operation. */
  const nextRequestFor = (operationName: string): Promise<Request> =>
    page.waitForRequest((request) => operationOf(request) === operationName);

  test('signs in as a persona, declares a purpose, runs a showcase query and reads its terms and the catalog', async () => {
    const screenshot = await screenshotsOf(page, 'explorer');

    // Opening it: the showcase tab, one editor tab per showcase operation, the first one open.
    await page.goto(federation.gatewayUrl);
    await page.locator('.graphiql-tab-button').first().waitFor();
    const titles = await page.locator('.wb-showcase h3').allTextContents();
    expect(titles).toEqual(SHOWCASE_OPERATIONS.map((operation) => operation.title));
    expect(await page.locator('.graphiql-tab-button').allTextContents()).toEqual(
      SHOWCASE_OPERATIONS.map((operation) => operation.operationName),
    );
    await screenshot('opened');

    // Sign in as the caseworker: the purposes of the Social Insurance Board's agreements.
    await page.selectOption('#wb-persona', 'caseworker');
    await page.locator('#wb-purpose option[value="benefit-eligibility"]').waitFor({
      state: 'attached',
    });
    await screenshot('signed-in');

    await page.selectOption('#wb-purpose', 'benefit-eligibility');
    await page.fill('#wb-case-id', 'SIB-2026-0042');
    await page.press('#wb-case-id', 'Tab');
    await screenshot('purpose-declared');

    // Run the six-agency query from its editor tab.
    await page.locator(`[data-operation="${PERSON}"] .wb-open`).click();
    const sent = nextRequestFor(PERSON);
    await page.locator('.graphiql-execute-button').click();
    const request = await sent;
    const headers = await request.allHeaders();
    expect(headers['x-purpose']).toBe('benefit-eligibility');
    expect(headers['x-case-id']).toBe('SIB-2026-0042');
    expect(headers.authorization).toMatch(/^Bearer /);
    const body = (await (await request.response())!.json()) as {
      data: { person: { givenName: string; benefitClaims: unknown[] } };
      extensions: { dataUse: { agreement?: string }[] };
    };
    expect(body.data.person.givenName).toBe('Mari');
    expect(body.data.person.benefitClaims).not.toHaveLength(0);
    await page.locator('.graphiql-response', { hasText: '"Mari"' }).waitFor();

    // The terms of the response, in words.
    expect(await page.locator('#wb-tab-data-use').innerText()).toBe(
      `Data use (${body.extensions.dataUse.length})`,
    );
    await page.locator('[role="tab"][data-panel="data-use"]').click();
    const dataUse = page.locator('#wb-panel-data-use');
    const agreements = body.extensions.dataUse.flatMap((entry) => entry.agreement ?? []);
    expect(agreements).toContain('DSA-SIB-POP-01');
    for (const agreement of agreements)
      await dataUse.getByText(`under agreement ${agreement}`).first().waitFor();
    const words = await dataUse.innerText();
    expect(words).toContain('Re-use:');
    expect(words).toContain('Retention:');
    expect(words).toContain('Released for the purpose benefit-eligibility');
    expect(words).toMatch(/fields? (was|were) refused/);
    await screenshot('result-and-data-use');

    // The catalog, for the caseworker and benefit eligibility.
    expect(pageErrors).toEqual([]);
    const catalogSent = nextRequestFor('WorkbenchCatalog');
    await page.locator('[role="tab"][data-panel="catalog"]').click();
    const givenName = page.locator('#wb-panel-catalog li[data-field="Person.givenName"]');
    await givenName.waitFor();
    expect(await givenName.innerText()).toContain('yes, in full');
    const vaccinations = page.locator('#wb-panel-catalog li[data-field="Person.vaccinations"]');
    // Refused, and why: no agreement of the caseworker's grants it for this purpose.
    expect(await vaccinations.innerText()).toMatch(/\bno\b/);
    expect(await vaccinations.innerText()).toMatch(/agreement/i);
    expect((await (await catalogSent).allHeaders())['x-purpose']).toBe('benefit-eligibility');
    await screenshot('catalog');
  });

  test('a showcase operation opened as its persona signs in as that persona and runs in its tab', async () => {
    const screenshot = await screenshotsOf(page, 'explorer-showcase');
    await page.locator('[role="tab"][data-panel="showcase"]').click();
    await page.locator('[data-operation="CompanyWithItsBoard"] .wb-open-as').click();
    await page
      .locator('#wb-purpose-note', { hasText: 'The public reads open data only' })
      .waitFor();
    expect(await page.locator('#wb-persona').inputValue()).toBe('public');
    expect(await page.locator('.graphiql-tab-active').innerText()).toContain('CompanyWithItsBoard');

    const sent = nextRequestFor('CompanyWithItsBoard');
    await page.locator('.graphiql-execute-button').click();
    const request = await sent;
    expect((await request.allHeaders()).authorization).toBeUndefined();
    const body = (await (await request.response())!.json()) as {
      data: { company: { name: string; boardSeats: { name: string }[] } };
    };
    expect(body.data.company.boardSeats.map((seat) => seat.name)).toContain('Mari Tamm');
    await page.locator('.graphiql-response', { hasText: body.data.company.name }).waitFor();
    await page.locator('[role="tab"][data-panel="data-use"]').click();
    await page.locator('#wb-panel-data-use', { hasText: 'business: open data' }).waitFor();
    await screenshot('company-as-the-public');
    expect(pageErrors).toEqual([]);
  });

  test('a persona kept in the tab gets a fresh token on reload once its token has expired', async () => {
    await page.selectOption('#wb-persona', 'statistician');
    await page.locator('#wb-purpose option[value="official-statistics"]').waitFor({
      state: 'attached',
    });
    await page.evaluate(() => {
      const key = 'govgraph.workbench.session';
      const session = JSON.parse(sessionStorage.getItem(key)!) as Record<string, unknown>;
      sessionStorage.setItem(
        key,
        JSON.stringify({ ...session, expiresAt: '2000-01-01T00:00:00Z' }),
      );
    });
    const minted = page.waitForRequest((request) => request.url().endsWith('/explorer/demo-token'));
    await page.reload();
    expect(JSON.parse((await minted).postData()!)).toEqual({ persona: 'statistician' });
    await page.locator('#wb-purpose option[value="official-statistics"]').waitFor({
      state: 'attached',
    });
    expect(await page.locator('#wb-persona').inputValue()).toBe('statistician');
    expect(pageErrors).toEqual([]);
  });
});

function operationOf(request: Request): string | undefined {
  try {
    const body = JSON.parse(request.postData() ?? '{}') as { query?: string };
    return /^\s*query\s+(\w+)/.exec(body.query ?? '')?.[1];
  } catch {
    return undefined;
  }
}
