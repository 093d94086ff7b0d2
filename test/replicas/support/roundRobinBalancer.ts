import {
  createServer,
  type IncomingMessage,
  request as forward,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** An HTTP load balancer in front of the replicas of one service, as a deployment puts one. */
export interface RoundRobinBalancer {
  /** The balancer's address, with the path of the request kept: `http://127.0.0.1:port`. */
  origin: string;
  /** How many requests each upstream has answered, in the order given. */
  answered(): number[];
  close(): Promise<void>;
}

/**
 * Sends each request to the next upstream in turn. A request that could not be sent at all
 * (connection refused: the replica is down) goes to the next upstream instead, as a balancer
 * does for a failed connection; one that was sent and then lost (the replica died while
 * working on it, or halfway through its answer) is answered 502 with a plain-text body,
 * never sent again, as a balancer does for a request that may have had effects.
 */
export async function startRoundRobinBalancer(upstreams: string[]): Promise<RoundRobinBalancer> {
  const answered = upstreams.map(() => 0);
  let next = 0;

  const handle = async (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const body = await readAll(incoming);
    // The next upstream in turn, then each of the others once if it refuses the connection.
    const first = next;
    next = (next + 1) % upstreams.length;
    for (let attempt = 0; attempt < upstreams.length; attempt += 1) {
      const index = (first + attempt) % upstreams.length;
      const outcome = await relay(upstreams[index]!, incoming, body, outgoing);
      if (outcome === 'answered') return void (answered[index]! += 1);
      if (outcome === 'lost') return badGateway(outgoing, 502);
    }
    badGateway(outgoing, 503);
  };

  const relay = (
    upstream: string,
    incoming: IncomingMessage,
    body: Buffer,
    outgoing: ServerResponse,
  ): Promise<'answered' | 'refused' | 'lost'> =>
    new Promise((resolve) => {
      const target = new URL(incoming.url ?? '/', upstream);
      const request = forward(
        target,
        // A connection per request: a reused one to a replica just killed would fail as if the
        // request had been sent, and a refused connection is what tells a replica is down.
        { method: incoming.method, headers: incoming.headers, agent: false },
        (response) => {
          // Buffered whole before any of it is passed on, as a balancer buffers by default:
          // an upstream that dies halfway through its answer is a 502, never half an answer.
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.once('end', () => {
            outgoing.writeHead(response.statusCode ?? 502, response.headers);
            outgoing.end(Buffer.concat(chunks));
            resolve('answered');
          });
          response.once('error', () => resolve('lost'));
          response.once('aborted', () => resolve('lost'));
        },
      );
      request.once('error', (error: NodeJS.ErrnoException) =>
        resolve(error.code === 'ECONNREFUSED' ? 'refused' : 'lost'),
      );
      request.end(body);
    });

  const server = createServer((incoming, outgoing) => {
    handle(incoming, outgoing).catch(() => badGateway(outgoing, 502));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    answered: () => [...answered],
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readAll(incoming: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.once('end', () => resolve(Buffer.concat(chunks)));
    incoming.once('error', reject);
  });
}

/** What a balancer answers when no upstream did: a status and a line of text, not GraphQL. */
function badGateway(outgoing: ServerResponse, status: 502 | 503): void {
  if (outgoing.headersSent) return void outgoing.destroy();
  outgoing.writeHead(status, { 'content-type': 'text/plain' });
  outgoing.end(status === 502 ? 'Bad Gateway\n' : 'Service Unavailable\n');
}
