import { EventEmitter } from 'node:events';
import { memoryLogger } from '../../gateway/testing/memoryLogger';
import { stopOnSignals } from './stopOnSignals';

function wire(stop: () => Promise<void>) {
  const source = new EventEmitter();
  const log = memoryLogger();
  const exits: number[] = [];
  let exited!: () => void;
  const done = new Promise<void>((resolve) => (exited = resolve));
  stopOnSignals(stop, {
    logger: log.logger,
    source,
    exit: (code) => {
      exits.push(code);
      exited();
    },
  });
  return { source, log, exits, done };
}

describe('stopOnSignals', () => {
  test.each(['SIGTERM', 'SIGINT'])('%s stops once, then exits 0', async (signal) => {
    let stops = 0;
    const wired = wire(async () => void (stops += 1));
    wired.source.emit(signal, signal);
    wired.source.emit(signal === 'SIGTERM' ? 'SIGINT' : 'SIGTERM', 'SIGTERM');
    await wired.done;
    expect({ stops, exits: wired.exits }).toEqual({ stops: 1, exits: [0] });
  });

  test('exits 1 when the stop fails, and logs why', async () => {
    const wired = wire(() => Promise.reject(new Error('pool would not close')));
    wired.source.emit('SIGTERM', 'SIGTERM');
    await wired.done;
    expect(wired.exits).toEqual([1]);
    expect(wired.log.lines()).toContainEqual(
      expect.objectContaining({
        msg: 'did not stop cleanly',
        err: expect.objectContaining({ message: 'pool would not close' }),
      }),
    );
  });

  test('nothing happens before a signal', async () => {
    let stops = 0;
    const wired = wire(async () => void (stops += 1));
    await new Promise((resolve) => setImmediate(resolve));
    expect({ stops, exits: wired.exits }).toEqual({ stops: 0, exits: [] });
  });
});
