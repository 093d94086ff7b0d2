import { SHOWCASE } from '../demo/showcase';
import type { Db } from '../platform/db/createDb';
import { connectTestDatabase } from './support/testDatabase';
import { startTestFederation, type TestFederation } from './support/testFederation';

let federation: TestFederation;
/** The test's own connection, to remove the consent the control request gives. */
let db: Db;
const given: string[] = [];
beforeAll(async () => {
  federation = await startTestFederation();
  db = connectTestDatabase(1);
});
afterAll(async () => {
  if (given.length > 0) await db('governance.consent').whereIn('id', given).delete();
  await db?.destroy();
  await federation?.stop();
});

const GRANT = `mutation { grantConsent(input: {
  organisation: "demo-bank", purpose: "loan-application", fields: ["Person.nationalId"],
  expiresAt: "${new Date(Date.now() + 86_400_000).toISOString()}", dataLifeDays: 1
}) { id } }`;
const MINE = '{ myConsents { id status } }';

async function citizen(): Promise<Record<string, string>> {
  return federation.headersFor({ persona: 'citizen', subject: SHOWCASE.nationalId });
}

async function myConsents(): Promise<unknown> {
  const response = await federation.query(MINE, {
    persona: 'citizen',
    subject: SHOWCASE.nationalId,
  });
  expect(response.body.errors).toBeUndefined();
  return response.body.data;
}

/** Sends the request and returns its status and error codes. */
async function refusal(
  url: string,
  init: RequestInit,
): Promise<{ status: number; codes: unknown }> {
  const response = await fetch(url, init);
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return { status: response.status, codes: body.errors?.map((e) => e.extensions?.code) };
}

test('what a page on another site can make a browser send changes nothing for the citizen', async () => {
  const before = await myConsents();
  const url = federation.gatewayUrl;
  const asGet = `${url}?query=${encodeURIComponent(GRANT)}`;

  // A link or an image carrying the citizen's token (or a cookie), and one without.
  expect(await refusal(asGet, { headers: await citizen() })).toEqual({
    status: 405,
    codes: ['CREDENTIALS_OVER_GET'],
  });
  expect(await refusal(asGet, { headers: { cookie: 'session=1' } })).toEqual({
    status: 405,
    codes: ['CREDENTIALS_OVER_GET'],
  });
  expect(await refusal(asGet, {})).toEqual({ status: 405, codes: ['BAD_REQUEST'] });

  // Forms and plain text, with the token as if a browser could attach it.
  for (const [contentType, body] of [
    ['text/plain', JSON.stringify({ query: GRANT })],
    ['application/x-www-form-urlencoded', `query=${encodeURIComponent(GRANT)}`],
  ]) {
    expect(
      await refusal(url, {
        method: 'POST',
        headers: { ...(await citizen()), 'content-type': contentType! },
        body,
      }),
    ).toEqual({ status: 415, codes: ['UNSUPPORTED_MEDIA_TYPE'] });
  }

  expect(await myConsents()).toEqual(before);

  // The control: the same mutation as a JSON POST is carried out.
  const granted = await federation.query(GRANT, {
    persona: 'citizen',
    subject: SHOWCASE.nationalId,
  });
  expect(granted.body.errors).toBeUndefined();
  const { id } = (granted.body.data as { grantConsent: { id: string } }).grantConsent;
  given.push(id);
  expect(await myConsents()).not.toEqual(before);
});
