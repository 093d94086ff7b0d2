import { createServer, type Server, type Socket, connect } from 'node:net';

/** A TCP relay to a database or a service that a test can cut, slow down or reset. */
export interface TcpProxy {
  /** A URL like `target` but through the relay. */
  url: string;
  /** Refuses new connections and drops the open ones. */
  cut(): Promise<void>;
  /** Accepts connections again. */
  restore(): Promise<void>;
  /** Drops the open connections but keeps accepting new ones, as a server killing its sessions. */
  reset(): void;
  /** Holds every chunk that comes back from the target this long (0: none). */
  setLatency(ms: number): void;
  /** The local ports of the relay's open connections to the target (`client_port` to PostgreSQL). */
  upstreamPorts(): number[];
  close(): Promise<void>;
}

export async function startTcpProxy(targetUrl: string): Promise<TcpProxy> {
  const target = new URL(targetUrl);
  const clients = new Set<Socket>();
  const upstreams = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  let latencyMs = 0;

  const track = (sockets: Set<Socket>, socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(Number(target.port || 5432), target.hostname);
        track(clients, client);
        track(upstreams, upstream);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => setTimeout(() => client.destroy(), latencyMs));
        client.pipe(upstream);
        upstream.on('data', (chunk: Buffer) => {
          if (latencyMs === 0) return void client.write(chunk);
          // Order is kept: every chunk waits the same time.
          setTimeout(() => client.writable && client.write(chunk), latencyMs);
        });
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  const reset = () => {
    for (const socket of [...clients, ...upstreams]) socket.destroy();
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      reset();
      if (!server) return resolve();
      server.close(() => resolve());
      server = null;
    });

  await listen();
  const url = new URL(targetUrl);
  url.host = `127.0.0.1:${port}`;
  return {
    url: url.toString(),
    cut: stop,
    restore: listen,
    reset,
    setLatency: (ms) => void (latencyMs = ms),
    upstreamPorts: () =>
      [...upstreams].flatMap((socket) => (socket.destroyed ? [] : (socket.localPort ?? []))),
    close: stop,
  };
}
