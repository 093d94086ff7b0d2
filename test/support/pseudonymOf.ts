import { createCipheriv, createHmac } from 'node:crypto';

/**
 * One ID's pseudonym under a table's key, computed on its own as platform/statistics/pseudonymise.ts
 * documents it, in hex as `pseudonymList` gives it.
 */
export function pseudonymOf(id: string, tableKey: Buffer): string {
  const bytes = Buffer.from(id, 'utf8');
  let sealed: Buffer;
  if (bytes.length <= 15) {
    const block = Buffer.alloc(16, ' ');
    bytes.copy(block);
    block[15] = 64 + bytes.length;
    const cipher = createCipheriv('aes-128-ecb', tableKey.subarray(0, 16), null);
    cipher.setAutoPadding(false);
    sealed = cipher.update(block);
  } else {
    sealed = createHmac('sha256', tableKey.subarray(16)).update(bytes).digest();
  }
  const value = (BigInt(sealed.readUInt32LE(0)) << 32n) | BigInt(sealed.readUInt32LE(4));
  return value.toString(16).padStart(16, '0');
}
