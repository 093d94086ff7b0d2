import type { SharedReplayGuard } from './createSharedReplayGuard';

/**
 * Whether one request's single-use gateway token is new to every replica of its subgraph,
 * decided once. Either the access log's own statement decides it, inserting the token's id
 * beside the request's records (both or neither: `takeDecision`), or, for a request that writes
 * no record, the shared guard's batched insert (`admitted`). The subgraph server asks `admitted`
 * before it sends any answer, so an undecided token is never answered.
 */
export interface TokenAdmission {
  readonly tokenId: string;
  /** When the token can no longer be valid (Unix seconds): its id may be forgotten after. */
  readonly expiresAt: number;
  /** Whether no replica had admitted the token before; asks the shared guard at most once. */
  admitted(): Promise<boolean>;
  /**
   * Hands the decision to a statement that inserts the id itself, or null when it is taken
   * already. The taker must report exactly once: the statement's answer, or `fallBack` when
   * the statement failed.
   */
  takeDecision(): TokenDecision | null;
}

/** How the statement that took a token's decision reports it. */
export interface TokenDecision {
  settle(admitted: boolean): void;
  /**
   * The statement failed, and may or may not have committed the id before its answer was
   * lost. The shared guard then records the id, so that no other replica admits the token
   * later, and the token is admitted here whatever the guard finds: an answer whose records
   * could not be written carries no personal data (the access log plugin withholds it).
   */
  fallBack(): void;
}

/**
 * The admission of a token that passed this process's own checks (its in-process guard among
 * them). Without a shared guard, that is all there is to ask: it is admitted.
 */
export function createTokenAdmission(
  tokenId: string,
  expiresAt: number,
  guard: SharedReplayGuard | undefined,
): TokenAdmission {
  let answer: Promise<boolean> | undefined;
  const ask = () => (guard ? guard.admit(tokenId, expiresAt) : Promise.resolve(true));
  return {
    tokenId,
    expiresAt,
    admitted() {
      answer ??= ask();
      return answer;
    },
    takeDecision() {
      if (answer) return null;
      let report!: (admitted: boolean | Promise<boolean>) => void;
      answer = new Promise((resolve) => (report = resolve));
      return {
        settle: (admitted) => report(admitted),
        fallBack: () => report(ask().then(() => true)),
      };
    },
  };
}

/** Where a request's context carries its token's admission (set by the subgraph server). */
const ADMISSION = Symbol('gateway token admission');

/**
 * Gives a request's context its token's admission, under a symbol key: Apollo copies the
 * context for the operation, own properties and all, so the copy carries it too.
 */
export function withTokenAdmission<T extends object>(context: T, admission: TokenAdmission): T {
  return Object.assign(context, { [ADMISSION]: admission });
}

/** The admission of the token a request came with; none outside the subgraph server (tests). */
export function tokenAdmissionOf(context: object): TokenAdmission | undefined {
  return (context as { [ADMISSION]?: TokenAdmission })[ADMISSION];
}

/** Why a write refused to record a request: its token had been used before. */
export class TokenAlreadyUsedError extends Error {
  override readonly name = 'TokenAlreadyUsedError';
  constructor() {
    super('The gateway token has already been used');
  }
}
