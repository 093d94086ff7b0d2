import type { HostileCase } from './corpus/HostileCase';
import { mintCredential } from './corpus/mintCredential';

/** What the gateway answered a hostile request. */
export interface Answer {
  status: number;
  /** The first error's `extensions.code`; null when the answer has no errors or no JSON body. */
  code: string | null;
  /** The first error's message, to show beside an unexpected answer. */
  message?: string;
  /** Milliseconds from sending the request to reading the whole answer. */
  ms: number;
}

/** Sends one case to a gateway's GraphQL endpoint and reads its answer. */
export async function replayCase(endpoint: string, hostile: HostileCase): Promise<Answer> {
  const { request } = hostile;
  const url = new URL(endpoint);
  for (const [name, value] of Object.entries(request.search ?? {}))
    url.searchParams.set(name, value);
  const body = request.json !== undefined ? JSON.stringify(request.json) : request.body;
  const headers: Record<string, string> = {
    accept: 'application/graphql-response+json',
    ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
  };
  if (request.as) {
    const token = await mintCredential(request.as);
    if (token !== null) headers.authorization = `Bearer ${token}`;
  }
  Object.assign(headers, request.headers);
  const started = performance.now();
  const response = await fetch(url, { method: request.method ?? 'POST', headers, body });
  const text = await response.text();
  const ms = performance.now() - started;
  let first: { message?: string; extensions?: { code?: unknown } } | undefined;
  try {
    first = (JSON.parse(text) as { errors?: (typeof first)[] }).errors?.[0];
  } catch {
    // A refusal of the HTTP layer (415, 431) has no JSON body.
  }
  const code = first?.extensions?.code;
  return {
    status: response.status,
    code: typeof code === 'string' ? code : first ? 'NO_CODE' : null,
    message: first?.message,
    ms,
  };
}

/** Why an answer is not the one the case expects; undefined when it is. */
export function unexpectedAnswer(hostile: HostileCase, answer: Answer): string | undefined {
  const { status, code } = hostile.expect;
  if (answer.status === status && answer.code === code) return undefined;
  return `expected ${status} ${code ?? '(no error)'}, got ${answer.status} ${answer.code ?? '(no error)'}${
    answer.message ? `: ${answer.message}` : ''
  }`;
}
