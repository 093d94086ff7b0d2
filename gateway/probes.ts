import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkReadiness } from '../platform/server/readiness';

/** What the gateway's readiness depends on. */
export interface ProbeState {
  /** Resolves once the supergraph is loaded and the runtime can plan with it. */
  schema(): Promise<unknown>;
  /** True from the moment the gateway starts to stop. */
  stopping(): boolean;
}

/** The process lives. */
const LIVENESS_PATH = '/healthz';
/** The gateway can serve: its supergraph is loaded and it is not stopping. */
const READINESS_PATH = '/readyz';

/**
 * Answers `GET /healthz` and `GET /readyz` ahead of the runtime; returns false for any other
 * request, which the runtime serves. Readiness does not depend on the agencies: a gateway with
 * an agency down still answers every other agency's data (SUBGRAPH_UNAVAILABLE for the
 * missing fields), and taking it out of rotation would take every agency down with it.
 */
export function createProbes(state: ProbeState, onError: (error: unknown) => void) {
  // Synchronous for every other request: the hot path pays one string comparison or two.
  return (request: IncomingMessage, response: ServerResponse): boolean => {
    if (request.method !== 'GET') return false;
    const path = request.url?.split('?', 1)[0];
    if (path === LIVENESS_PATH) {
      send(response, 200, { status: 'ok' });
      return true;
    }
    if (path !== READINESS_PATH) return false;
    if (state.stopping()) {
      send(response, 503, { status: 'stopping' });
      return true;
    }
    checkReadiness([{ name: 'supergraph', check: async () => void (await state.schema()) }]).then(
      (report) =>
        send(response, report.ready ? 200 : 503, {
          status: report.ready ? 'ready' : 'not ready',
          checks: report.checks,
        }),
      (error: unknown) => {
        onError(error);
        response.destroy();
      },
    );
    return true;
  };
}

function send(response: ServerResponse, status: number, body: object): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.setHeader('cache-control', 'no-store');
  response.end(JSON.stringify(body));
}
