import type { Caller } from '../../../platform/context/Caller';

/**
 * How the register records who made a change: `organisation/official`. Changes are reserved to
 * organisation callers by policy, so any other caller here is a bug, not a client error.
 */
export function authorOf(caller: Caller): string {
  if (caller.kind !== 'organisation') {
    throw new Error(`a register change reached the register without an organisation caller`);
  }
  return `${caller.organisation}/${caller.subject}`;
}
