/** The two ways a gateway runs: `demo` shows its schema to anyone, `production` is closed. */
export const PROFILES = ['demo', 'production'] as const;

export type Profile = (typeof PROFILES)[number];

/** Who may introspect the schema (`__schema`, `__type`; `__typename` is always allowed). */
export type IntrospectionAccess = 'everyone' | 'organisations';

/** What a gateway shows of itself to clients and browsers. */
export interface ProfileSettings {
  profile: Profile;
  /** The GraphiQL explorer on GET /graphql (HTML) and its assets. */
  explorer: boolean;
  introspection: IntrospectionAccess;
  /** "Did you mean ...?" in validation errors. */
  fieldSuggestions: boolean;
  /** `extensions.requestId` on every error (masked faults are logged with it either way). */
  requestIdInErrors: boolean;
  /** Exact origins (`https://app.example`) a browser page may call the gateway from. */
  corsOrigins: readonly string[];
  /** GraphQL queries over GET (as the public caller only); off, every request is a POST. */
  getQueries: boolean;
}

/**
 * Every setting that depends on the profile, in one place. A production gateway shows no
 * explorer, no schema to the public or citizens, no suggestions, a request id on every
 * error, answers no other origin, and takes queries only as POSTs of JSON (a query a link
 * or an image can send is what scanners report as a CSRF vector, even without credentials). The demo allows browsers on the gateway's own port of
 * localhost.
 */
export function profileDefaults(profile: Profile, gatewayPort: number): ProfileSettings {
  if (profile === 'production') {
    return {
      profile,
      explorer: false,
      introspection: 'organisations',
      fieldSuggestions: false,
      requestIdInErrors: true,
      corsOrigins: [],
      getQueries: false,
    };
  }
  return {
    profile,
    explorer: true,
    introspection: 'everyone',
    fieldSuggestions: true,
    requestIdInErrors: false,
    corsOrigins: [`http://localhost:${gatewayPort}`, `http://127.0.0.1:${gatewayPort}`],
    getQueries: true,
  };
}
