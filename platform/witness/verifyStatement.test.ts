import { testAgencyKeys } from '../../test/support/testWitness';
import type { LogStatement } from './LogStatement';
import { verifyStatement } from './verifyStatement';

const tax = testAgencyKeys('tax');
const head: LogStatement = {
  kind: 'head',
  agency: 'tax',
  seq: 7,
  hash: 'ab'.repeat(32),
  signedAt: '2026-12-01T10:00:00.000Z',
};
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const check = (jws: string, agency = 'tax') => verifyStatement(jws, agency, tax.publicKeys);

describe('a signed access-log statement', () => {
  it("verifies with the agency's public key, and gives back the statement", () => {
    expect(check(tax.signer.sign(head).jws)).toEqual({
      valid: true,
      statement: head,
      keyId: 'test-tax-1',
    });
  });

  it('is refused when its payload was changed after signing', () => {
    const [header, , signature] = tax.signer.sign(head).jws.split('.');
    const forged = `${header}.${encode({ ...head, seq: 8 })}.${signature}`;
    expect(check(forged)).toEqual({
      valid: false,
      reason: `does not carry a valid signature of tax's key "test-tax-1"`,
    });
  });

  it('is refused unsigned (alg none), with an unknown key, or about another agency', () => {
    const payload = encode(head);
    const none = `${encode({ alg: 'none', typ: 'govgraph-access-log+jws' })}.${payload}.`;
    expect(check(none)).toMatchObject({ valid: false, reason: /not an EdDSA-signed/ });
    expect(check(testAgencyKeys('health').signer.sign({ ...head, agency: 'health' }).jws)).toEqual({
      valid: false,
      reason: 'is signed with key "test-health-1", not a key of tax',
    });
    expect(verifyStatement(tax.signer.sign(head).jws, 'health', tax.publicKeys)).toEqual({
      valid: false,
      reason: 'is a statement about tax, not health',
    });
    expect(check('garbage')).toEqual({ valid: false, reason: 'is not a compact JWS' });
  });

  it('cannot be signed by one agency for another', () => {
    expect(() => tax.signer.sign({ ...head, agency: 'health' })).toThrow(
      'the tax key cannot sign for health',
    );
  });
});
