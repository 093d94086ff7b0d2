import { postGraphQL } from './testing/postGraphQL';
import { startTestFederation } from './testing/startTestFederation';
import { takeOverTerminationSignals } from './takeOverTerminationSignals';

test('stop() lets a request in progress finish and then refuses connections', async () => {
  const federation = await startTestFederation();
  try {
    const inProgress = postGraphQL(federation.graphqlUrl, { query: '{ slow(ms: 400) }' });
    await new Promise((resolve) => setTimeout(resolve, 100));

    await federation.gateway.stop();

    expect((await inProgress).body).toEqual({ data: { slow: 'after 400 ms' } });
    await expect(fetch(`${federation.baseUrl}/healthcheck`)).rejects.toThrow();
  } finally {
    await federation.stop();
  }
});

test("the runtime's own SIGINT/SIGTERM listeners, which abort requests in progress, can be removed", async () => {
  const federation = await startTestFederation();
  try {
    const runtimeListeners = () =>
      ['SIGINT', 'SIGTERM']
        .flatMap((signal) => process.listeners(signal as NodeJS.Signals))
        .filter((listener) => listener.name === 'terminateHandler');
    expect(runtimeListeners().length).toBeGreaterThan(0);

    expect(takeOverTerminationSignals()).toBe(2);
    expect(runtimeListeners()).toEqual([]);
  } finally {
    await federation.stop();
  }
});
