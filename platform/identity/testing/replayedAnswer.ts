/** What a subgraph answers a call whose gateway token another call has used. */
export const REPLAYED_ANSWER = {
  status: 401,
  body: {
    errors: [
      {
        message: 'The gateway token has already been used',
        extensions: { code: 'UNAUTHENTICATED' },
      },
    ],
  },
};
