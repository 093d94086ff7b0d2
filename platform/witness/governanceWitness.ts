import type { Db } from '../db/createDb';
import type { Witness } from './Witness';

const TABLE = 'governance.witnessed_head';

/**
 * The governance store as a witness (`governance.witnessed_head`): insert-only for everyone, and
 * an agency's service role may insert only in its own name. Give it a connection acting as the
 * agency's role when publishing, and any reading connection when verifying.
 */
export function governanceWitness(db: Db): Witness {
  return {
    name: TABLE,
    async publish({ jws, keyId, statement }) {
      await db(TABLE).insert({
        agency: statement.agency,
        kind: statement.kind,
        seq: statement.seq,
        hash: statement.hash,
        signed_at: statement.signedAt,
        key_id: keyId,
        jws,
      });
    },
    async heads(agency) {
      const rows: { id: number; jws: string }[] = await db(TABLE)
        .where({ agency })
        .orderBy('id')
        .select('id', 'jws');
      return rows.map((row) => ({ witness: TABLE, ref: `row ${row.id}`, jws: row.jws }));
    },
  };
}
