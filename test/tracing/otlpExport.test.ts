import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawnGateway } from '../../gateway/testing/spawnGateway';

interface Export {
  path: string;
  headers: IncomingHttpHeaders;
  body: {
    resourceSpans: {
      resource: { attributes: { key: string; value: { stringValue?: string } }[] };
      scopeSpans: { spans: { name: string; traceId: string }[] }[];
    }[];
  };
}

/** An OTLP/HTTP receiver on a free port, keeping what it is sent. */
async function startReceiver(): Promise<{ url: string; received: Export[]; server: Server }> {
  const received: Export[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        path: request.url ?? '',
        headers: request.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Export['body'],
      });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received, server };
}

test('a gateway process exports its spans to the collector its OTEL_* variables name', async () => {
  const receiver = await startReceiver();
  try {
    const gateway = await spawnGateway({
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer%20collector-token',
      OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment=test',
    });
    const response = await fetch(gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(200);
    // At SIGTERM the gateway stops, then flushes the spans it still holds.
    await gateway.stop();

    expect(receiver.received.length).toBeGreaterThan(0);
    for (const sent of receiver.received) {
      expect(sent.path).toBe('/v1/traces');
      expect(sent.headers['content-type']).toMatch(/^application\/json/);
      expect(sent.headers.authorization).toBe('Bearer collector-token');
    }
    const resourceSpans = receiver.received.flatMap((sent) => sent.body.resourceSpans);
    const attributes = Object.fromEntries(
      resourceSpans[0]!.resource.attributes.map(({ key, value }) => [key, value.stringValue]),
    );
    expect(attributes).toMatchObject({
      'service.name': 'govgraph-gateway',
      'deployment.environment': 'test',
    });
    const names = resourceSpans
      .flatMap((r) => r.scopeSpans.flatMap((s) => s.spans))
      .map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['gateway.request', 'graphql.execute']));
  } finally {
    receiver.server.close();
  }
});
