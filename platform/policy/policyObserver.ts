import type { FieldDecision } from './decision';

/** Whether a person had given the consent a release rested on. */
export type ConsentOutcome = 'given' | 'absent';

/** Told of each policy decision as it is made (metrics); it must not throw or block. */
export interface PolicyObserver {
  /** A field's decision for one request, once per field per request. */
  decided(agency: string, field: string, effect: FieldDecision['effect']): void;
  /** A record released or refused on a person's consent. */
  consentChecked(agency: string, outcome: ConsentOutcome): void;
}

/** The observer of a policy nobody watches. */
export const UNOBSERVED_POLICY: PolicyObserver = {
  decided: () => undefined,
  consentChecked: () => undefined,
};
