import { z } from 'zod';
import { SchemaCheckError } from './schemaCheckError';

/** schema/acknowledged-changes.json: breaking changes made on purpose, each with its reason. */
export const acknowledgedChangesSchema = z
  .object({
    $comment: z.string().optional(),
    acknowledged: z.array(
      z
        .object({
          /** The change's id as the check prints it, such as `FIELD_REMOVED:Query.person`. */
          change: z.string().regex(/^[A-Z_]+:\S+$/, 'must be TYPE:path, as the check prints it'),
          reason: z.string().trim().min(1, 'must say why the change is made'),
        })
        .strict(),
    ),
  })
  .strict();

export type AcknowledgedChanges = z.infer<typeof acknowledgedChangesSchema>;
export type Acknowledgement = AcknowledgedChanges['acknowledged'][number];

/** Reads the acknowledgements file's text, naming every problem in it at once. */
export function parseAcknowledgedChanges(text: string, file: string): AcknowledgedChanges {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SchemaCheckError(
      'BAD_ACKNOWLEDGEMENTS',
      `${file} is not JSON: ${(error as Error).message}`,
    );
  }
  const parsed = acknowledgedChangesSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  - ${issue.path.join('.') || '(file)'}: ${issue.message}`,
    );
    throw new SchemaCheckError(
      'BAD_ACKNOWLEDGEMENTS',
      `${file} is invalid:\n${problems.join('\n')}`,
    );
  }
  const seen = new Set<string>();
  for (const { change } of parsed.data.acknowledged) {
    if (seen.has(change))
      throw new SchemaCheckError('BAD_ACKNOWLEDGEMENTS', `${file} acknowledges ${change} twice`);
    seen.add(change);
  }
  return parsed.data;
}
