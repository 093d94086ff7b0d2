/** One finding about an agency's log: the first record concerned, and what is wrong. */
export interface LogProblem {
  seq: number;
  message: string;
}
