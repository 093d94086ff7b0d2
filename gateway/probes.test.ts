import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProbes, type ProbeState } from './probes';
import { startTestFederation, type TestFederation } from './testing/startTestFederation';

describe('the probes of a running gateway', () => {
  let federation: TestFederation;
  beforeAll(async () => {
    federation = await startTestFederation();
  });
  afterAll(() => federation.stop());

  const probe = async (path: string) => {
    const response = await fetch(`${federation.baseUrl}${path}`);
    return { status: response.status, body: (await response.json()) as unknown };
  };

  test('/healthz: the process lives', async () => {
    expect(await probe('/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
  });

  test('/readyz: its supergraph is loaded', async () => {
    expect(await probe('/readyz')).toEqual({
      status: 200,
      body: { status: 'ready', checks: { supergraph: 'ok' } },
    });
  });

  test('/readyz stays ready with an agency down: the others are still served', async () => {
    await federation.tax.stop();
    expect((await probe('/readyz')).status).toBe(200);
  });
});

describe('/readyz of a gateway that cannot serve', () => {
  let server: Server;
  let state: ProbeState;
  beforeAll(async () => {
    const probes = createProbes(
      { schema: () => state.schema(), stopping: () => state.stopping() },
      () => undefined,
    );
    server = createServer((request, response) => {
      if (!probes(request, response)) response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const probe = async (path: string) => {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    return { status: response.status, body: (await response.json()) as unknown };
  };

  test('is 503 while its supergraph cannot be loaded, naming why', async () => {
    state = {
      schema: () => Promise.reject(new Error('the supergraph could not be loaded')),
      stopping: () => false,
    };
    expect(await probe('/readyz')).toEqual({
      status: 503,
      body: { status: 'not ready', checks: { supergraph: 'the supergraph could not be loaded' } },
    });
    expect((await probe('/healthz')).status).toBe(200);
  });

  test('is 503 from the moment it starts to stop', async () => {
    state = { schema: () => Promise.resolve({}), stopping: () => true };
    expect(await probe('/readyz')).toEqual({ status: 503, body: { status: 'stopping' } });
  });

  test('answers every other request from the runtime', async () => {
    const { port } = server.address() as AddressInfo;
    expect((await fetch(`http://127.0.0.1:${port}/graphql`)).status).toBe(404);
  });
});
