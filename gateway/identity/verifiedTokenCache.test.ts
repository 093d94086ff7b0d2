import type { Caller } from '../../platform/context/Caller';
import {
  createVerifiedTokenCache,
  VERIFIED_TOKEN_CACHE_SIZE,
  VERIFIED_TOKEN_TTL_MS,
} from './verifiedTokenCache';

const citizen = (subject: string): Caller => ({ kind: 'citizen', subject });

function cacheAt(start: number, stillValid = () => true) {
  const clock = { at: start };
  return { clock, cache: createVerifiedTokenCache(stillValid, () => clock.at) };
}

test('a remembered token yields its caller until the time to live runs out', () => {
  const { clock, cache } = cacheAt(1_000_000);
  cache.remember('t1', { exp: 9e9 }, citizen('48507120002'));
  expect(cache.get('t1')).toEqual(citizen('48507120002'));
  expect(cache.get('t2')).toBeUndefined();
  clock.at += VERIFIED_TOKEN_TTL_MS;
  expect(cache.get('t1')).toBeUndefined();
});

test('a token that is no longer valid now is forgotten, with the time its check was given', () => {
  const seen: number[] = [];
  let valid = true;
  const { cache } = cacheAt(5_000_000, () => valid);
  const check = createVerifiedTokenCache(
    (_payload, now) => (seen.push(now), valid),
    () => 5_000_000,
  );
  check.remember('t', {}, citizen('48507120002'));
  check.get('t');
  expect(seen).toEqual([5_000]);
  cache.remember('t', {}, citizen('48507120002'));
  valid = false;
  expect(cache.get('t')).toBeUndefined();
  valid = true;
  expect(cache.get('t')).toBeUndefined();
});

test('past its size the oldest token is forgotten first', () => {
  const { cache } = cacheAt(0);
  for (let i = 0; i <= VERIFIED_TOKEN_CACHE_SIZE; i += 1)
    cache.remember(`t${i}`, {}, citizen('48507120002'));
  expect(cache.get('t0')).toBeUndefined();
  expect(cache.get('t1')).toBeDefined();
  expect(cache.get(`t${VERIFIED_TOKEN_CACHE_SIZE}`)).toBeDefined();
});
