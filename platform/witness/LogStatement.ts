import { z } from 'zod';

const HASH = /^[0-9a-f]{64}$/;

const common = {
  /** The agency whose log this is (also its schema). */
  agency: z.string().min(1),
  /** The sequence number of the record the statement is about. */
  seq: z.number().int().positive(),
  /** That record's hash, as the chain carries it. */
  hash: z.string().regex(HASH, 'must be a sha256 hash in hex'),
  /** When the agency signed, by its clock (ISO 8601, UTC). */
  signedAt: z.iso.datetime(),
  /** Which of the agency's logs: absent for its access log, `statistics` for governance's statistics log. */
  log: z.literal('statistics').optional(),
};

/** What an agency signs about its own access log: its head, or a retention checkpoint. */
export const logStatementSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('head'), ...common }).strict(),
  z
    .object({
      kind: z.literal('checkpoint'),
      ...common,
      /** Every record the checkpoint covers (up to `seq`) was logged before this moment. */
      olderThan: z.iso.datetime(),
      /** How many records this checkpoint removed. */
      removed: z.number().int().nonnegative(),
      reason: z.string(),
    })
    .strict(),
]);

export type LogStatement = z.infer<typeof logStatementSchema>;

/** The logs an agency signs statements about. */
export type LogName = 'access' | 'statistics';

/** The log a statement is about. */
export const logOf = (statement: LogStatement): LogName => statement.log ?? 'access';

/** The table of an agency's log. */
export const logTable = (schema: string, log: LogName): string =>
  log === 'statistics' ? `${schema}.statistics_log` : `${schema}.access_log`;
export type HeadStatement = Extract<LogStatement, { kind: 'head' }>;
export type CheckpointStatement = Extract<LogStatement, { kind: 'checkpoint' }>;

/** A statement as its agency signed it: a compact JWS (EdDSA) whose payload is the statement. */
export interface SignedStatement {
  jws: string;
  /** The signing key's id (the JWS header's `kid`). */
  keyId: string;
  /** The statement, as the JWS carries it (trust it only once the signature is verified). */
  statement: LogStatement;
}

/** A signed statement as a witness holds it. */
export interface WitnessedStatement {
  /** Which witness, and where in it (for reports). */
  witness: string;
  ref: string;
  jws: string;
}
