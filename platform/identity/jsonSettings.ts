import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Configuration fields holding JSON (keys, key sets), inline or in a file, converted at
 * start-up so a bad value is reported with the other configuration problems.
 */
export function inlineJsonField<T>(convert: (json: unknown) => T) {
  return unsetIfEmpty(
    z
      .string()
      .transform((text, ctx) =>
        converted(ctx, () => convert(parseJson(text, 'is not valid JSON'))),
      ),
  );
}

/** Like `inlineJsonField`, for a variable naming the file that holds the JSON. */
export function jsonFileField<T>(convert: (json: unknown) => T) {
  return unsetIfEmpty(
    z
      .string()
      .transform((path, ctx) =>
        converted(ctx, () => convert(parseJson(readText(path), `${path} is not valid JSON`))),
      ),
  );
}

/**
 * For an object schema's `superRefine` (with `when: () => true`, so it runs alongside field
 * problems): exactly one of two alternative variables must be set.
 */
export function exactlyOneOf<K extends string>(first: K, second: K) {
  return (env: Partial<Record<K, unknown>>, ctx: z.RefinementCtx) => {
    const given = [first, second].filter((name) => env[name] !== undefined);
    if (given.length === 1) return;
    ctx.addIssue({
      code: 'custom',
      path: [first],
      message:
        given.length === 0 ? `is required (or ${second})` : `set ${first} or ${second}, not both`,
    });
  };
}

// docker-compose passes `VAR=` for a variable it has no value for; that means "not set".
function unsetIfEmpty<S extends z.ZodType>(schema: S) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
}

function converted<T>(ctx: z.RefinementCtx, convert: () => T): T {
  try {
    return convert();
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
}

function parseJson(text: string, problem: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(problem, { cause: error });
  }
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(`cannot read ${path}: ${reason}`, { cause: error });
  }
}
