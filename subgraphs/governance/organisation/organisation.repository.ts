import type { Db } from '../../../platform/db/createDb';
import type { Organisation } from './organisation.type';

const ORGANISATION = 'governance.organisation';

/** The only place the organisation table is read. */
export class OrganisationRepository {
  constructor(private readonly db: Db) {}

  findAll(): Promise<Organisation[]> {
    return this.db<Organisation>(ORGANISATION)
      .orderBy('code')
      .select('code', 'name', 'kind', 'description');
  }

  findByCodes(codes: readonly string[]): Promise<Organisation[]> {
    return this.db<Organisation>(ORGANISATION)
      .whereRaw('code = any(?)', [Array.from(codes)])
      .select('code', 'name', 'kind', 'description');
  }
}
