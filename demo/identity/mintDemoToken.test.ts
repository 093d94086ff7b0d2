import { decodeJwt } from 'jose';
import { createClientTokenVerifier } from '../../gateway/identity/createClientTokenVerifier';
import { DEFAULT_TOKEN_LIFETIMES, tokenHolder } from '../../gateway/identity/tokenLifetime';
import { SHOWCASE } from '../showcase';
import { demoIdentityOptions } from './demoIdentityProvider';
import { mintDemoToken } from './mintDemoToken';
import { PERSONA_NAMES, PERSONAS } from './personas';

const verify = createClientTokenVerifier(demoIdentityOptions());

test.each(PERSONA_NAMES.filter((name) => name !== 'public'))(
  "%s's token passes the gateway as its organisation and roles",
  async (persona) => {
    const caller = await verify((await mintDemoToken(persona))!);
    const claims = PERSONAS[persona].claims!;
    expect(caller).toEqual(
      'org' in claims
        ? {
            kind: 'organisation',
            subject: claims.sub,
            organisation: claims.org,
            roles: claims.roles,
          }
        : { kind: 'citizen', subject: SHOWCASE.nationalId },
    );
  },
);

test('public has no token', async () => {
  expect(await mintDemoToken('public')).toBeNull();
});

test('the citizen can be another person, valid for an hour', async () => {
  const token = (await mintDemoToken('citizen', { subject: SHOWCASE.partnerId }))!;
  expect(await verify(token)).toEqual({ kind: 'citizen', subject: SHOWCASE.partnerId });
  const { iat, exp } = decodeJwt(token);
  expect(exp! - iat!).toBe(3600);
});

test('a subject that is not a national ID, or for a system, is refused', async () => {
  await expect(mintDemoToken('citizen', { subject: '123' })).rejects.toThrow(
    '123 is not a valid national ID',
  );
  await expect(mintDemoToken('bank', { subject: SHOWCASE.partnerId })).rejects.toThrow(
    'bank is not a person',
  );
});

test("the bank's token is a client's, and lives no longer than a client's may", async () => {
  const claims = decodeJwt((await mintDemoToken('bank'))!);
  expect(tokenHolder(claims)).toBe('client');
  expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(DEFAULT_TOKEN_LIFETIMES.client);
});
