import { SHOWCASE } from '../../demo/showcase';
import type { TestFederation } from './testFederation';

/** Waits (at most `timeoutMs`) until every subgraph has loaded an agreement just granted. */
export async function waitUntilAllowed(
  federation: TestFederation,
  headers: Record<string, string>,
  timeoutMs = 3_000,
): Promise<void> {
  const probe = `{ person(nationalId: "${SHOWCASE.nationalId}") { givenName incomeAssessments { year } benefitClaims { benefit } vaccinations { vaccine } vehicles { make } boardMemberships { name } } }`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await federation.query(probe, { headers });
    if (!body.errors) return;
    if (Date.now() > deadline)
      throw new Error(`access was not granted in time: ${body.errors[0]?.message}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
