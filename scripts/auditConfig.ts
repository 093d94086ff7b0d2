import { z } from 'zod';
import { databaseUrlField } from '../platform/config/envFields';
import { loadConfig } from '../platform/config/loadConfig';
import { demoKeysDirectory } from '../platform/witness/accessLogKeys';

export interface AuditConfig {
  databaseUrl: string;
  /**
   * The folder of the agencies' access-log keys: `access-log-<agency>.jwks.json` to verify,
   * `access-log-<agency>.private.jwk.json` to sign retention checkpoints. The demo keys by default.
   */
  keysDirectory: string;
  /** A file witness (JSON lines) held besides the governance store, if the agencies publish to one. */
  witnessFile: string | undefined;
}

/** Reads the configuration of `audit:verify` and `audit:retain`; the only place they read the environment. */
export function loadAuditConfig(command: string, env: NodeJS.ProcessEnv): AuditConfig {
  const schema = z.object({
    DATABASE_URL: databaseUrlField,
    ACCESS_LOG_KEYS_DIR: z.string().min(1).optional(),
    ACCESS_LOG_WITNESS_FILE: z.string().min(1).optional(),
  });
  const config = loadConfig(command, schema, env);
  return {
    databaseUrl: config.DATABASE_URL,
    keysDirectory: config.ACCESS_LOG_KEYS_DIR ?? demoKeysDirectory(),
    witnessFile: config.ACCESS_LOG_WITNESS_FILE,
  };
}
