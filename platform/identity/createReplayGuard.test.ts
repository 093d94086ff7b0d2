import { createReplayGuard } from './createReplayGuard';

test('an id is admitted once within the window, and forgotten two windows later', () => {
  let time = 0;
  const guard = createReplayGuard(1_000, () => time);

  expect(guard.admit('a')).toBe(true);
  expect(guard.admit('a')).toBe(false);
  time = 1_500;
  expect(guard.admit('a')).toBe(false);
  expect(guard.admit('b')).toBe(true);
  time = 2_600;
  expect(guard.admit('a')).toBe(true);
  expect(guard.admit('b')).toBe(false);
  time = 10_000;
  expect(guard.admit('b')).toBe(true);
});
