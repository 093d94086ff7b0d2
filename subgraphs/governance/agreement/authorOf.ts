import type { Caller } from '../../../platform/context/Caller';
import type { Actor } from './duties';

/**
 * How the register records who made a change: `organisation/official`. Changes are reserved to
 * organisation callers by policy, so any other caller here is a bug, not a client error.
 */
export function authorOf(caller: Caller): string {
  return actorOf(caller).author;
}

/** The organisation caller acting on the register, with how the register names them. */
export function actorOf(caller: Caller): Actor {
  if (caller.kind !== 'organisation') {
    throw new Error(`a register change reached the register without an organisation caller`);
  }
  return { caller, author: `${caller.organisation}/${caller.subject}` };
}
