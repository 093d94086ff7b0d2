import { argumentCases } from './arguments';
import { dosPatterns } from './dosPatterns';
import type { CorpusCategory } from './HostileCase';
import { headers } from './headers';
import { http } from './http';
import { introspection } from './introspection';
import { limits } from './limits';
import { mutations } from './mutations';
import { tokens } from './tokens';

/** Every category of the hostile-request corpus; a new category is one file added here. */
export const CORPUS: readonly CorpusCategory[] = [
  limits,
  dosPatterns,
  http,
  tokens,
  headers,
  argumentCases,
  introspection,
  mutations,
];
