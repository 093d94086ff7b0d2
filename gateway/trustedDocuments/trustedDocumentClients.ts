import type { Caller } from '../../platform/context/Caller';
import { isOrganisationCode, isPrintableId } from '../../platform/identity/requestCodes';

/**
 * Whether a name designates clients in the trusted documents: an organisation code (every
 * system and member of it, e.g. `demo-bank`) or an organisation and one subject of it
 * (`demo-bank/demo-bank-loan-service`, one system signed in with client credentials).
 */
export function isClientName(name: string): boolean {
  const slash = name.indexOf('/');
  if (slash === -1) return isOrganisationCode(name);
  const subject = name.slice(slash + 1);
  return isOrganisationCode(name.slice(0, slash)) && subject !== '' && isPrintableId(subject);
}

/** The client names a caller answers to, the most specific first; none for citizens and the public. */
export function clientNamesOf(caller: Caller): string[] {
  if (caller.kind !== 'organisation') return [];
  return [`${caller.organisation}/${caller.subject}`, caller.organisation];
}
