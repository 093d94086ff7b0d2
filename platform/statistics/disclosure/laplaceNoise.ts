import { randomBytes } from 'node:crypto';

/** A source of uniform numbers in [0, 1). */
export type Uniform = () => number;

/** Uniform numbers from the operating system's generator: what released noise uses. */
export const secureUniform: Uniform = () => randomBytes(6).readUIntBE(0, 6) / 2 ** 48;

/** A seeded generator (mulberry32), for tests of the noise's distribution only. */
export function seededUniform(seed: number): Uniform {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A draw from the Laplace distribution of mean 0 and this scale (inverse CDF). */
export function laplace(scale: number, uniform: Uniform): number {
  let u = uniform() - 0.5;
  // u = -0.5 would give -Infinity.
  while (u === -0.5) u = uniform() - 0.5;
  return -scale * Math.sign(u) * Math.log(1 - 2 * Math.abs(u));
}
