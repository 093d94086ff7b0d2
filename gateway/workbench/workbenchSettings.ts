/** One ready-made operation of the workbench's showcase tab. */
export interface ShowcaseOperation {
  /** The operation's name in `query`, which is also the title of its editor tab. */
  operationName: string;
  title: string;
  /** What it shows and why it matters, in a sentence or two. */
  description: string;
  query: string;
  variables?: Record<string, unknown>;
  /** The demo persona it is meant to be run as (`public` sends no token). */
  persona: string;
  /** The purpose to declare in `x-purpose`, if the persona needs one. */
  purpose?: string;
}

/** A persona the demo's sign-in offers, as the page lists it. */
export interface WorkbenchPersona {
  name: string;
  description: string;
  /** The organisation its token names; null for a citizen or the public. */
  organisation: string | null;
}

/** How the workbench signs its user in. */
export type WorkbenchSignIn =
  /** The demo: pick a persona, and the gateway's demo route mints its token. */
  | { kind: 'demo'; tokenPath: string; personas: WorkbenchPersona[] }
  /** Production: OpenID Connect authorization code with PKCE at the gateway's identity provider. */
  | { kind: 'openid-connect'; issuer: string; clientId: string; scope: string }
  /** No sign-in is configured: the workbench asks as the public caller. */
  | { kind: 'none' };

/** Everything the workbench page is told by the gateway, as JSON in the page. */
export interface WorkbenchSettings {
  title: string;
  /** The GraphQL endpoint, relative to the gateway's origin. */
  graphqlPath: string;
  signIn: WorkbenchSignIn;
  showcase: readonly ShowcaseOperation[];
}
