import { type KeyObject, sign } from 'node:crypto';
import type { LogStatement, SignedStatement } from './LogStatement';

/** The JWS `typ` of a signed access-log statement. */
export const LOG_STATEMENT_TYPE = 'govgraph-access-log+jws';

/** An agency's signing key for its access-log statements. */
export interface StatementSigner {
  agency: string;
  keyId: string;
  sign(statement: LogStatement): SignedStatement;
}

/**
 * Signs an agency's statements as compact JWS (EdDSA over Ed25519) with node:crypto: synchronous,
 * and readable by any JOSE library.
 */
export function createStatementSigner(
  agency: string,
  privateKey: KeyObject,
  keyId: string,
): StatementSigner {
  return {
    agency,
    keyId,
    sign(statement) {
      if (statement.agency !== agency)
        throw new Error(`the ${agency} key cannot sign for ${statement.agency}`);
      const header = encode({ alg: 'EdDSA', kid: keyId, typ: LOG_STATEMENT_TYPE });
      const payload = encode(statement);
      const signature = sign(null, Buffer.from(`${header}.${payload}`), privateKey);
      return { jws: `${header}.${payload}.${signature.toString('base64url')}`, keyId, statement };
    },
  };
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}
