import { formatRate, parseRate } from './rateLimits';

test.each([
  ['600/60s', { requests: 600, windowSeconds: 60 }],
  [' 1/1s ', { requests: 1, windowSeconds: 1 }],
  ['3000/3600s', { requests: 3000, windowSeconds: 3600 }],
])('%j is a rate', (text, rate) => {
  expect(parseRate(text)).toEqual(rate);
  expect(parseRate(formatRate(rate))).toEqual(rate);
});

test.each(['600', '600/60', '0/60s', '600/0s', '-1/60s', '1.5/60s', '600/60m', 'many/60s', ''])(
  '%j is not a rate',
  (text) => {
    expect(parseRate(text)).toBeUndefined();
  },
);
