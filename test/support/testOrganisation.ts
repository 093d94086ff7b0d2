import { randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db/createDb';

/** An organisation registered by one test file, with everything granted to it. */
export interface TestOrganisation {
  code: string;
  /** Deletes its consents, agreements (with their history) and the organisation itself. */
  remove(): Promise<void>;
}

/**
 * Registers an organisation of its own for one test file, so that what the file grants it never
 * changes what the demo personas of the files running beside it may read.
 */
export async function registerTestOrganisation(db: Db, prefix = 'test'): Promise<TestOrganisation> {
  const code = `${prefix}-${randomBytes(4).toString('hex')}`;
  await db('governance.organisation').insert({
    code,
    name: `Test organisation ${code}`,
    kind: 'public-body',
  });
  return {
    code,
    async remove() {
      await db('governance.consent').where({ consumer: code }).delete();
      await db('governance.agreement').where({ consumer: code }).delete();
      await db('governance.organisation').where({ code }).delete();
    },
  };
}
