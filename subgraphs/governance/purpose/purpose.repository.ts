import type { Db } from '../../../platform/db/createDb';
import type { Purpose } from './purpose.type';

/** The only place the purpose table is read. */
export class PurposeRepository {
  constructor(private readonly db: Db) {}

  findAll(): Promise<Purpose[]> {
    return this.db<Purpose>('governance.purpose')
      .orderBy('code')
      .select('code', 'title', 'description');
  }
}
