import { EventEmitter } from 'node:events';
import { SHOWCASE } from '../../demo/showcase';
import { anonymousRequest } from '../../platform/identity/RequestIdentity';
import { createLogger } from '../../platform/logging/logger';
import { stopOnSignals } from '../../platform/server/stopOnSignals';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy';
import { testDatabaseUrl } from '../support/testDatabase';
import { startTestFederation, type TestFederation } from '../support/testFederation';

/** How long each answer of the business register's database is held: its requests are slow. */
const DATABASE_LATENCY_MS = 400;

// The business register reaches its database through a relay that can slow it down.
let proxy: TcpProxy;
let federation: TestFederation;
let stopped = false;
beforeAll(async () => {
  proxy = await startTcpProxy(testDatabaseUrl());
  federation = await startTestFederation({ agencyDatabaseUrls: { business: proxy.url } });
});
afterAll(async () => {
  if (!stopped) await federation?.stop();
  await proxy?.close();
});

const COMPANY = `{ company(registryCode: "${SHOWCASE.companyRegistryCode}") { name } }`;
const NAMED = { company: { name: 'Tamm Tarkvara OÜ' } };

/** A process's signals and exit, as the service's entry point wires them to its stop path. */
function processDouble(stop: () => Promise<void>) {
  const signals = new EventEmitter();
  const exited = new Promise<number>((exit) =>
    stopOnSignals(stop, { logger: createLogger('test', 'silent'), source: signals, exit }),
  );
  return { sigterm: () => signals.emit('SIGTERM', 'SIGTERM'), exited };
}

/** Starts `request` and tells, at any moment, whether it has been answered. */
function inFlight<T>(request: Promise<T>) {
  let answered = false;
  const response = request.finally(() => void (answered = true));
  return { response, answered: () => answered };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A request straight to the business subgraph, as the gateway would send it; its status and data. */
async function postToBusiness(): Promise<{ status: number; data: unknown }> {
  const body = JSON.stringify({ query: COMPANY });
  const token = await federation.mintGatewayToken('business', body, anonymousRequest('shutdown-1'));
  const response = await federation.postToSubgraph('business', body, { 'x-gateway-token': token });
  return { status: response.status, data: response.body.data };
}

describe('SIGTERM', () => {
  it('on a subgraph: the request in flight is answered, new ones are refused, the process exits 0', async () => {
    expect(await postToBusiness()).toEqual({ status: 200, data: NAMED });
    proxy.setLatency(DATABASE_LATENCY_MS);
    try {
      const business = processDouble(() => federation.stopSubgraph('business'));
      const slow = inFlight(postToBusiness());
      await pause(100);

      business.sigterm();
      await expect(postToBusiness()).rejects.toThrow();
      expect(slow.answered()).toBe(false);

      expect(await slow.response).toEqual({ status: 200, data: NAMED });
      expect(await business.exited).toBe(0);
    } finally {
      proxy.setLatency(0);
    }
    await federation.restartSubgraph('business');
    expect((await federation.query(COMPANY)).body.data).toEqual(NAMED);
  });

  it('on the gateway: the request in flight is answered in full, new ones are refused, the process exits 0', async () => {
    proxy.setLatency(DATABASE_LATENCY_MS);
    const gateway = processDouble(async () => {
      stopped = true;
      await federation.stop();
    });
    const slow = inFlight(federation.query(COMPANY));
    await pause(100);

    gateway.sigterm();
    await expect(federation.query(COMPANY)).rejects.toThrow();
    expect(slow.answered()).toBe(false);

    const { status, body } = await slow.response;
    expect({ status, body: { data: body.data, errors: body.errors } }).toEqual({
      status: 200,
      body: { data: NAMED, errors: undefined },
    });
    expect(await gateway.exited).toBe(0);
  });
});
