import type { Db } from '../db/createDb';
import { fileWitness } from './fileWitness';
import { governanceWitness } from './governanceWitness';
import type { Witness } from './Witness';

/** The witnesses an audit reads: the governance store, and a file witness if there is one. */
export function auditWitnesses(governanceDb: Db, witnessFile: string | undefined): Witness[] {
  return [governanceWitness(governanceDb), ...(witnessFile ? [fileWitness(witnessFile)] : [])];
}
