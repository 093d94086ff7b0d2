import { type KeyObject, verify } from 'node:crypto';
import { type LogStatement, logStatementSchema } from './LogStatement';
import { LOG_STATEMENT_TYPE } from './signStatement';

/** An agency's public keys by key id. */
export type AgencyPublicKeys = ReadonlyMap<string, KeyObject>;

export type VerifiedStatement =
  { valid: true; statement: LogStatement; keyId: string } | { valid: false; reason: string };

/**
 * Checks a compact JWS against one agency's public keys: EdDSA only, a known key id, a valid
 * signature, a well-formed statement, and the statement about that agency.
 */
export function verifyStatement(
  jws: string,
  agency: string,
  keys: AgencyPublicKeys,
): VerifiedStatement {
  const parts = jws.split('.');
  if (parts.length !== 3) return invalid('is not a compact JWS');
  const [header, payload, signature] = parts as [string, string, string];
  const protectedHeader = decodeJson(header) as { alg?: unknown; kid?: unknown; typ?: unknown };
  if (protectedHeader?.alg !== 'EdDSA' || protectedHeader.typ !== LOG_STATEMENT_TYPE)
    return invalid('is not an EdDSA-signed access-log statement');
  const keyId = String(protectedHeader.kid);
  const key = keys.get(keyId);
  if (!key) return invalid(`is signed with key "${keyId}", not a key of ${agency}`);
  const signed = verify(
    null,
    Buffer.from(`${header}.${payload}`),
    key,
    Buffer.from(signature, 'base64url'),
  );
  if (!signed) return invalid(`does not carry a valid signature of ${agency}'s key "${keyId}"`);
  const parsed = logStatementSchema.safeParse(decodeJson(payload));
  if (!parsed.success) return invalid('is signed but not a well-formed statement');
  if (parsed.data.agency !== agency)
    return invalid(`is a statement about ${parsed.data.agency}, not ${agency}`);
  return { valid: true, statement: parsed.data, keyId };
}

function invalid(reason: string): VerifiedStatement {
  return { valid: false, reason };
}

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}
