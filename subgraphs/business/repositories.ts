import type { Db } from '../../platform/db/createDb';
import { BoardRepository } from './board/board.repository';
import { CompanyRepository } from './company/company.repository';

/** Every repository of the Business Register, made once per process. */
export function createBusinessRepositories(db: Db) {
  return { companies: new CompanyRepository(db), boards: new BoardRepository(db) };
}

export type BusinessRepositories = ReturnType<typeof createBusinessRepositories>;
