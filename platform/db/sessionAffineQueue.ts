import type { PGlite } from '@electric-sql/pglite';

interface Queued {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

// Frontend messages that end an exchange: the backend answers them with ReadyForQuery.
const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'

/**
 * The embedded server's queue of protocol messages, one PGlite session shared by every client:
 * a client is served alone from its first message until its exchange ends (a Sync or a simple
 * query) outside a transaction. The stock queue of pglite-socket 0.2 keeps a client's turn only
 * inside a transaction, so the Parse, Bind and Execute of two clients interleave and one binds
 * its values to the other's statement: errors, or wrong rows (electric-sql/pglite#1046). A
 * failed message fails its client alone; the queue goes on.
 */
export class SessionAffineQueue {
  private readonly queue: Queued[] = [];
  private processing = false;
  /** The client whose exchange is open, served alone until it ends. */
  private owner: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: Queued['onData']): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  /** Drops a disconnected client's messages. */
  clearQueueForHandler(handlerId: number): void {
    for (let i = this.queue.length - 1; i >= 0; i -= 1) {
      if (this.queue[i]!.handlerId !== handlerId) continue;
      this.queue.splice(i, 1)[0]!.reject(new Error('Handler disconnected'));
    }
  }

  /** Ends a disconnected client's open exchange (rolling back its transaction) and serves the others. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    this.owner = null;
    void this.process();
  }

  private next(): Queued | undefined {
    if (this.owner === null) return this.queue.shift();
    const index = this.queue.findIndex((item) => item.handlerId === this.owner);
    return index === -1 ? undefined : this.queue.splice(index, 1)[0];
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (let item = this.next(); item; item = this.next()) {
        let bytes = 0;
        try {
          const { message, onData } = item;
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(message, {
              onRawData: (data) => {
                bytes += data.length;
                onData(data);
              },
            }),
          );
        } catch (error) {
          this.owner = this.db.isInTransaction() ? item.handlerId : null;
          item.reject(error);
          continue;
        }
        this.owner =
          endsExchange(item.message) && !this.db.isInTransaction() ? null : item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }
}

/** Whether a frontend message closes its client's exchange (a start-up message has no type byte). */
function endsExchange(message: Uint8Array): boolean {
  const type = message[0];
  return type === SYNC || type === QUERY || type === TERMINATE || type === 0;
}
