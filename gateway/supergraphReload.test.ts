import { rm } from 'node:fs/promises';
import { postGraphQL } from './testing/postGraphQL';
import { POPULATION_SDL } from './testing/testSubgraphs';
import {
  startTestFederation,
  SUPERGRAPHS,
  type TestFederation,
} from './testing/startTestFederation';

const TAX_CLASS_QUERY = '{ thing(id: "1") { taxClass } }';

async function servesTaxClass(federation: TestFederation): Promise<boolean> {
  const response = await postGraphQL(federation.graphqlUrl, { query: TAX_CLASS_QUERY });
  return (
    response.status === 200 &&
    (response.body.data?.thing as { taxClass?: string } | null)?.taxClass === 'B'
  );
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

describe('reload()', () => {
  let federation: TestFederation;
  beforeAll(async () => {
    federation = await startTestFederation({ watch: false });
  });
  afterAll(() => federation.stop());

  test('serves a changed supergraph file without a restart', async () => {
    expect(await servesTaxClass(federation)).toBe(false);

    await federation.writeSupergraph(SUPERGRAPHS.withTaxClass);
    expect(await federation.gateway.reload()).toBe('changed');

    expect(await servesTaxClass(federation)).toBe(true);
  });

  test('an unchanged file is not swapped in again', async () => {
    expect(await federation.gateway.reload()).toBe('unchanged');
  });

  test.each([
    ['a broken file', SUPERGRAPHS.broken],
    ['a subgraph schema instead of a supergraph', POPULATION_SDL],
    ['an empty file', ''],
  ])('%s is rejected and logged, and the previous supergraph stays', async (_case, sdl) => {
    await federation.writeSupergraph(sdl);

    expect(await federation.gateway.reload()).toBe('rejected');
    expect(await servesTaxClass(federation)).toBe(true);
    expect(federation.log.lines()).toContainEqual(
      expect.objectContaining({
        level: 50,
        msg: 'supergraph reload rejected; still serving the previous supergraph',
        path: federation.supergraphPath,
      }),
    );
  });

  test('a missing file is rejected the same way', async () => {
    await rm(federation.supergraphPath);

    expect(await federation.gateway.reload()).toBe('rejected');
    expect(await servesTaxClass(federation)).toBe(true);
  });
});

describe('watching the file', () => {
  let federation: TestFederation;
  beforeAll(async () => {
    federation = await startTestFederation({ watch: true });
  });
  afterAll(() => federation.stop());

  test('a written file is picked up on its own, and a broken one ignored', async () => {
    await federation.writeSupergraph(SUPERGRAPHS.withTaxClass);
    expect(await eventually(() => servesTaxClass(federation))).toBe(true);

    await federation.writeSupergraph(SUPERGRAPHS.broken);
    const rejected = () =>
      federation.log
        .lines()
        .some(
          (line) =>
            line.msg === 'supergraph reload rejected; still serving the previous supergraph',
        );
    expect(await eventually(async () => rejected())).toBe(true);
    expect(await servesTaxClass(federation)).toBe(true);

    await federation.writeSupergraph(SUPERGRAPHS.initial);
    expect(await eventually(async () => !(await servesTaxClass(federation)))).toBe(true);
  });
});
