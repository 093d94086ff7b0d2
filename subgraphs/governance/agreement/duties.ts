import type { GraphQLError } from 'graphql';
import type { Caller } from '../../../platform/context/Caller';
import { forbidden } from '../../../platform/errors/clientErrors';
import type { Agreement } from './agreement.type';

/** The roles of the register, as the gateway's role grants let organisations hold them. */
export const GOVERNANCE_ADMIN = 'governance-admin';
export const DATA_CONTROLLER = 'data-controller';

/** Who made a proposal, and who now acts on it, as the register records them. */
export interface Actor {
  caller: Extract<Caller, { kind: 'organisation' }>;
  /** `organisation/official`. */
  author: string;
}

function refused(what: string, problems: string[]): GraphQLError {
  return forbidden(`${what}: ${problems.join('; ')}`, { problems });
}

/**
 * The separation of duties on approving a proposal, beyond the role the policy already
 * requires: only the data controller of the providing agency approves, never for an agreement
 * that grants its own organisation data, and never their own proposal. Throws FORBIDDEN naming
 * every reason at once.
 */
export function assertMayApprove(
  actor: Actor,
  agreement: Agreement,
  controller: string | null,
  proposedBy: string | null,
): void {
  const problems: string[] = [];
  const organisation = actor.caller.organisation;
  if (controller === null) {
    problems.push(`no data controller is registered for ${agreement.provider}`);
  } else if (organisation !== controller) {
    problems.push(
      `only the data controller of ${agreement.provider} (${controller}) approves its agreements`,
    );
  }
  if (organisation === agreement.consumer) {
    problems.push(
      `${organisation} is its consumer: no one approves an agreement that grants their own organisation data`,
    );
  }
  if (proposedBy !== null && proposedBy === actor.author) {
    problems.push('its proposer may not approve their own proposal');
  }
  if (problems.length > 0) throw refused(`Agreement ${agreement.id} cannot be approved`, problems);
}

/**
 * Revocation needs one party only: a governance administrator, or the data controller of the
 * providing agency. Throws FORBIDDEN for anyone else who holds one of the roles.
 */
export function assertMayRevoke(
  actor: Actor,
  agreement: Agreement,
  controller: string | null,
): void {
  const { roles, organisation } = actor.caller;
  if (roles.includes(GOVERNANCE_ADMIN)) return;
  if (roles.includes(DATA_CONTROLLER) && organisation === controller) return;
  throw refused(`Agreement ${agreement.id} cannot be revoked`, [
    `only a governance administrator or the data controller of ${agreement.provider}${controller ? ` (${controller})` : ''} revokes it`,
  ]);
}
