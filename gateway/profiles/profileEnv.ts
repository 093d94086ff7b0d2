import { z } from 'zod';
import { type Profile, profileDefaults, PROFILES, type ProfileSettings } from './profileSettings';

// docker-compose passes `VAR=` for a variable it has no value for; that means "not set".
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

const onOffField = z.preprocess(
  unsetIfEmpty,
  z
    .enum(['on', 'off'], { error: 'must be on or off' })
    .transform((value) => value === 'on')
    .optional(),
);

/** An exact origin: scheme, host and port only, as a browser sends it in `Origin`. */
function isExactOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === text;
  } catch {
    return false;
  }
}

const originsField = z.preprocess(
  unsetIfEmpty,
  z
    .string()
    .transform((list, ctx) => {
      if (list.trim() === 'none') return [];
      const origins = list.split(',').map((origin) => origin.trim());
      for (const origin of origins) {
        if (isExactOrigin(origin)) continue;
        ctx.addIssue({
          code: 'custom',
          message: `"${origin}" is not an exact origin such as https://app.example or http://localhost:3000 (no path, no wildcard); use "none" for none`,
        });
      }
      return origins;
    })
    .optional(),
);

/**
 * The variables that choose a profile and override its settings one by one. The default
 * profile is the caller's: the gateway's own process defaults to `production`, `npm start`
 * to `demo`.
 */
export function profileEnvFields(defaultProfile: Profile) {
  return {
    GOVGRAPH_PROFILE: z.preprocess(
      unsetIfEmpty,
      z.enum(PROFILES, { error: 'must be demo or production' }).default(defaultProfile),
    ),
    GATEWAY_EXPLORER: onOffField,
    GATEWAY_INTROSPECTION: z.preprocess(
      unsetIfEmpty,
      z
        .enum(['everyone', 'organisations'], { error: 'must be everyone or organisations' })
        .optional(),
    ),
    GATEWAY_FIELD_SUGGESTIONS: onOffField,
    GATEWAY_ERROR_REQUEST_IDS: onOffField,
    GATEWAY_CORS_ORIGINS: originsField,
    GATEWAY_GET_QUERIES: onOffField,
  };
}

type ProfileEnv = z.output<z.ZodObject<ReturnType<typeof profileEnvFields>>>;

/** The profile's defaults with every variable that was set applied over them. */
export function profileSettingsFromEnv(env: ProfileEnv, gatewayPort: number): ProfileSettings {
  const defaults = profileDefaults(env.GOVGRAPH_PROFILE, gatewayPort);
  return {
    profile: env.GOVGRAPH_PROFILE,
    explorer: env.GATEWAY_EXPLORER ?? defaults.explorer,
    introspection: env.GATEWAY_INTROSPECTION ?? defaults.introspection,
    fieldSuggestions: env.GATEWAY_FIELD_SUGGESTIONS ?? defaults.fieldSuggestions,
    requestIdInErrors: env.GATEWAY_ERROR_REQUEST_IDS ?? defaults.requestIdInErrors,
    corsOrigins: env.GATEWAY_CORS_ORIGINS ?? defaults.corsOrigins,
    getQueries: env.GATEWAY_GET_QUERIES ?? defaults.getQueries,
  };
}
