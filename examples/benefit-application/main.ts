import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError } from '../../platform/config/loadConfig';
import { runMain } from '../../platform/config/runMain';
import { isValidNationalId } from '../../platform/identity/nationalId';
import { mintDemoToken } from '../../demo/identity/mintDemoToken';
import { SHOWCASE } from '../../demo/showcase';
import { gatewayClient } from './gatewayClient';
import { prefillBenefitApplication } from './prefillApplication';
import { printApplication } from './printApplication';

const argsSchema = z.object({
  gateway: z.url({ protocol: /^https?$/ }).default('http://localhost:4000/graphql'),
  'national-id': z
    .string()
    .refine(isValidNationalId, 'must be a valid national ID')
    .default(SHOWCASE.nationalId),
  'case-id': z.string().min(1, 'must not be empty').default('SIB-2026-000123'),
});

/**
 * `npm run example:benefit-application -- [--gateway URL] [--national-id ID] [--case-id ID]`:
 * pre-fills a benefit application as the demo's caseworker of the Social Insurance Board, from a
 * running federation (`npm start`), and prints the form.
 */
runMain(async () => {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      gateway: { type: 'string' },
      'national-id': { type: 'string' },
      'case-id': { type: 'string' },
    },
    strict: true,
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success)
    throw new ConfigError(
      `example:benefit-application: invalid arguments\n${parsed.error.issues
        .map((issue) => `  --${issue.path.join('.')}: ${issue.message}`)
        .join('\n')}`,
    );
  const args = parsed.data;
  // The demo identity provider's token for the caseworker, as `npm run token -- caseworker` prints it.
  const token = (await mintDemoToken('caseworker'))!;
  const form = await prefillBenefitApplication(gatewayClient(args.gateway), {
    token,
    nationalId: args['national-id'],
    caseId: args['case-id'],
  });
  process.stdout.write(printApplication(form));
});
