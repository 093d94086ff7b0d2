import { generateKeyPairSync } from 'node:crypto';
import type { WitnessedStatement } from '../../platform/witness/LogStatement';
import { createStatementSigner, type StatementSigner } from '../../platform/witness/signStatement';
import type { AgencyPublicKeys } from '../../platform/witness/verifyStatement';
import type { Witness } from '../../platform/witness/Witness';

/** A witness in memory, for tests: keeps what it is given, in `held`. */
export interface MemoryWitness extends Witness {
  held: WitnessedStatement[];
}

export function memoryWitness(name = 'memory'): MemoryWitness {
  const held: (WitnessedStatement & { agency: string })[] = [];
  return {
    name,
    held,
    async publish({ jws, statement }) {
      held.push({ witness: name, ref: `#${held.length + 1}`, jws, agency: statement.agency });
    },
    async heads(agency) {
      return held.filter((entry) => entry.agency === agency);
    },
  };
}

/** A fresh key pair for a test agency: its signer and the public keys a verifier holds. */
export function testAgencyKeys(agency: string): {
  signer: StatementSigner;
  publicKeys: AgencyPublicKeys;
} {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const keyId = `test-${agency}-1`;
  return {
    signer: createStatementSigner(agency, privateKey, keyId),
    publicKeys: new Map([[keyId, publicKey]]),
  };
}
