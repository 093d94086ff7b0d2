import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Caller } from '../../platform/context/Caller';
import { isOrganisationCode } from '../../platform/identity/requestCodes';

/**
 * Which organisations may hold which roles. A role claim is only as good as this list: a token
 * claiming a role its organisation may not hold (or a role not listed) is refused.
 */
export type RoleGrants = ReadonlyMap<string, ReadonlySet<string>>;

const organisationCode = z.string().refine(isOrganisationCode, {
  error: 'must be an organisation code: lowercase letters, digits and hyphens',
});

const roleGrantsSchema = z
  .object({
    $comment: z.string().optional(),
    roles: z.record(
      z.string(),
      z.array(organisationCode).min(1, 'must name at least one organisation'),
    ),
  })
  .strict()
  .superRefine(
    (file, ctx) => {
      // Runs beside the other checks, so every problem is named at once.
      for (const [role, organisations] of Object.entries(file.roles ?? {})) {
        if (!isOrganisationCode(role)) {
          ctx.addIssue({
            code: 'custom',
            path: ['roles', role],
            message: 'is not a role name: lowercase letters, digits and hyphens',
          });
        }
        if (!Array.isArray(organisations)) continue;
        const twice = organisations.filter((o, i) => organisations.indexOf(o) !== i);
        for (const organisation of new Set(twice)) {
          ctx.addIssue({
            code: 'custom',
            path: ['roles', role],
            message: `lists ${organisation} twice`,
          });
        }
      }
    },
    { when: () => true },
  );

/** Checks a role grants document, naming every problem at once. */
export function parseRoleGrants(json: unknown): RoleGrants {
  const parsed = roleGrantsSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'the file'} ${issue.message}`,
    );
    throw new Error(`role grants: ${problems.join('; ')}`);
  }
  return new Map(
    Object.entries(parsed.data.roles).map(([role, organisations]) => [
      role,
      new Set(organisations),
    ]),
  );
}

/** Reads and checks a role grants file (for tests and the demo; the gateway reads it as config). */
export function readRoleGrants(path: string): RoleGrants {
  return parseRoleGrants(JSON.parse(readFileSync(path, 'utf8')));
}

/** The roles a caller claims that its organisation may not hold; empty when all are allowed. */
export function unheldRoles(grants: RoleGrants, caller: Caller): string[] {
  if (caller.kind !== 'organisation') return [];
  return caller.roles.filter((role) => !grants.get(role)?.has(caller.organisation));
}

/** Why a claimed role is refused, naming who may hold it. */
export function describeUnheldRole(grants: RoleGrants, role: string): string {
  const holders = grants.get(role);
  return holders
    ? `${role} (held only by ${[...holders].join(', ')})`
    : `${role} (not a role of this gateway)`;
}
