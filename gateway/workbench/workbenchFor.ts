import { PERSONA_NAMES, PERSONAS } from '../../demo/identity/personas';
import { SHOWCASE_OPERATIONS } from '../../demo/showcaseOperations';
import type { ProfileSettings } from '../profiles/profileSettings';
import { DEMO_TOKEN_PATH } from './useDemoTokenRoute';
import type { WorkbenchPersona, WorkbenchSettings } from './workbenchSettings';

/** The explorer's OpenID Connect client at the gateway's identity provider. */
export interface ExplorerOpenIdClient {
  /** The client id registered for the explorer (a public client: no secret, PKCE). */
  clientId: string;
  /** The scopes asked for, space-separated; `openid` among them. */
  scope: string;
}

/**
 * What the workbench page is told: in the demo, the persona picker and the demo's showcase;
 * elsewhere, OpenID Connect sign-in at the gateway's own token issuer when the explorer has a
 * client there, and no showcase (its queries are about the demo country).
 */
export function workbenchFor(
  profile: ProfileSettings,
  graphqlPath: string,
  issuer: string,
  openId: ExplorerOpenIdClient | undefined,
): Omit<WorkbenchSettings, 'title'> {
  if (profile.profile === 'demo') {
    return {
      graphqlPath,
      signIn: { kind: 'demo', tokenPath: DEMO_TOKEN_PATH, personas: demoPersonas() },
      showcase: SHOWCASE_OPERATIONS,
    };
  }
  return {
    graphqlPath,
    signIn: openId ? { kind: 'openid-connect', issuer, ...openId } : { kind: 'none' },
    showcase: [],
  };
}

function demoPersonas(): WorkbenchPersona[] {
  return PERSONA_NAMES.map((name) => {
    const persona = PERSONAS[name] as { description: string; claims?: { org?: string } };
    return { name, description: persona.description, organisation: persona.claims?.org ?? null };
  });
}
