const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

// The name of the listener the runtime's HTTP adapter (@whatwg-node/server) installs.
const RUNTIME_LISTENER_NAME = 'terminateHandler';

/**
 * Removes the runtime's own SIGINT/SIGTERM listeners. The runtime disposes itself as soon
 * as either signal arrives, which aborts requests still in progress with SHUTTING_DOWN;
 * the entry point instead stops accepting connections, lets those requests finish, and
 * only then disposes the runtime (`Gateway.stop()`). Call it after the gateway is created.
 * Returns how many listeners were removed (0 if a runtime upgrade renamed them).
 */
export function takeOverTerminationSignals(): number {
  let removed = 0;
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (listener.name === RUNTIME_LISTENER_NAME) {
        process.off(signal, listener);
        removed += 1;
      }
    }
  }
  return removed;
}
