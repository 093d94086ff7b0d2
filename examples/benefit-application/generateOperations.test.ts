import { readFile } from 'node:fs/promises';
import { GENERATED_OPERATIONS_PATH, generateOperations } from './generateOperations';

test('the committed typed operations are what the operations and the supergraph give now (run `npm run example:codegen` if not)', async () => {
  const committed = await readFile(GENERATED_OPERATIONS_PATH, 'utf8');
  expect(committed).toBe(await generateOperations());
});

test('the generated document is the operation the form is pre-filled from, with its variables typed', async () => {
  const generated = await generateOperations();
  expect(generated).toContain('export const BenefitApplicationPrefillDocument = ');
  expect(generated).toMatch(
    /export type BenefitApplicationPrefillQueryVariables = Exact<\{\s+nationalId: string;\s+incomeYear\?: number \| null/,
  );
});
