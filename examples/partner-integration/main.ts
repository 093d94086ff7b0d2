import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError } from '../../platform/config/loadConfig';
import { runMain } from '../../platform/config/runMain';
import { isValidNationalId } from '../../platform/identity/nationalId';
import { SHOWCASE } from '../../demo/showcase';
import { checkLoanAffordability } from './loanAffordability';
import { requestAccessToken } from './requestAccessToken';

const argFields = z.object({
  gateway: z.url({ protocol: /^https?$/ }).default('http://localhost:4000/graphql'),
  issuer: z.url({ protocol: /^https?$/ }).optional(),
  'client-id': z.string().min(1).default('demo-bank-loan-service'),
  'client-secret': z.string().min(1).optional(),
  token: z.string().min(1).optional(),
  'national-id': z
    .string()
    .refine(isValidNationalId, 'must be a valid national ID')
    .default(SHOWCASE.nationalId),
  'monthly-repayment': z.coerce.number().positive().default(900),
});

const argsSchema = argFields
  .refine((args) => (args.token !== undefined) !== (args.issuer !== undefined), {
    message: 'give either --issuer with --client-secret (client credentials) or --token',
    path: ['issuer'],
  })
  .refine((args) => args.issuer === undefined || args['client-secret'] !== undefined, {
    message: '--issuer needs --client-secret',
    path: ['client-secret'],
  });

/**
 * `npm run example:partner-integration -- (--issuer URL --client-secret S | --token T) [...]`:
 * Demo Bank's loan affordability check against a running gateway, with a token from the
 * identity provider's client credentials grant (or one given, such as the demo provider's).
 */
runMain(async () => {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: Object.fromEntries(
      Object.keys(argFields.shape).map((name) => [name, { type: 'string' }]),
    ) as Record<string, { type: 'string' }>,
    strict: true,
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success)
    throw new ConfigError(
      `example:partner-integration: invalid arguments\n${parsed.error.issues
        .map((issue) => `  --${issue.path.join('.')}: ${issue.message}`)
        .join('\n')}`,
    );
  const args = parsed.data;
  const accessToken =
    args.token ??
    (
      await requestAccessToken({
        issuer: args.issuer!,
        clientId: args['client-id'],
        credential: { kind: 'client_secret', secret: args['client-secret']! },
        allowInsecureRequests: new URL(args.issuer!).protocol === 'http:',
      })
    ).accessToken;
  const decision = await checkLoanAffordability(args.gateway, {
    accessToken,
    nationalId: args['national-id'],
    monthlyRepayment: args['monthly-repayment'],
  });
  process.stdout.write(`${JSON.stringify(decision, null, 2)}\n`);
});
