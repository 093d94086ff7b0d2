import DataLoader from 'dataloader';
import type { Path } from 'graphql/jsutils/Path';
import type { GraphQLError } from 'graphql';
import { AccessRecorder } from '../accessLog/AccessRecorder';
import type { Caller } from '../context/Caller';
import { forbidden } from '../errors/clientErrors';
import type { AgreementsInForce } from './agreement';
import type { ConsentRepository, Consent } from './consentRepository';
import { DataUseLedger } from './dataUse';
import { decideField } from './decideField';
import type { Basis, FieldDecision } from './decision';
import { type AgencyFieldPolicy, fieldRule } from './fieldPolicy';
import type { Mask } from './masks';
import { type IdentityScope, identityScope } from './personIdentity';
import { type PolicyObserver, UNOBSERVED_POLICY } from './policyObserver';
import { STATISTICS_TYPE } from '../statistics/statisticalVariables';

/** The hidden property that carries an inherited data subject on a record (an address). */
export const SUBJECT = Symbol('govgraph.subject');

/** What is released for one field of one record. */
export interface Release {
  mask: Mask | undefined;
  basis: Basis;
}

export interface RequestPolicyInput {
  fieldPolicy: AgencyFieldPolicy;
  caller: Caller;
  purpose: string | null;
  agreements: AgreementsInForce;
  consents: ConsentRepository;
  today: string;
  /** Told of each decision (metrics); nobody by default. */
  observer?: PolicyObserver;
}

/**
 * Policy for one request to one subgraph. Field decisions are made once per field (a list of
 * 1,000 people costs one decision per field); only the record-dependent parts (is this the
 * caller's own record, has this person consented) are checked per record, consents in one
 * batched statement per level.
 */
export class RequestPolicy {
  readonly dataUse: DataUseLedger;
  /** Every release of personal data in this request, for the access log. */
  readonly accessRecorder = new AccessRecorder();
  /** Decisions by type, then field: asked for every released value, so no key is built. */
  private readonly decisions = new Map<string, Map<string, FieldDecision>>();
  private consentLoader: DataLoader<string, Consent[]> | undefined;
  private identity: IdentityScope | undefined;

  constructor(private readonly input: RequestPolicyInput) {
    this.dataUse = new DataUseLedger(input.fieldPolicy.agency, input.purpose);
  }

  get caller(): Caller {
    return this.input.caller;
  }

  get purpose(): string | null {
    return this.input.purpose;
  }

  /** The field policy of the agency this request is to. */
  get fieldPolicy(): AgencyFieldPolicy {
    return this.input.fieldPolicy;
  }

  /**
   * Notes a released value for the access log when it is personal data about a person
   * (not the join key, not the access log itself).
   */
  noteRelease(type: string, field: string, record: unknown, basis: Basis, path: Path): void {
    if (basis.kind === 'gateway-join' || basis.kind === 'public' || basis.kind === 'operation')
      return;
    const rule = fieldRule(this.input.fieldPolicy, type, field);
    if (!rule || rule.auditTrail) return;
    if (rule.classification !== 'personal' && rule.classification !== 'special-category') return;
    const subject = this.subjectOf(type, record);
    if (subject) this.accessRecorder.record(subject, `${type}.${field}`, path);
  }

  decision(type: string, field: string): FieldDecision {
    let ofType = this.decisions.get(type);
    if (!ofType) this.decisions.set(type, (ofType = new Map()));
    let decision = ofType.get(field);
    if (!decision) {
      const { fieldPolicy, caller, purpose, agreements, today } = this.input;
      decision = decideField(
        { agency: fieldPolicy.agency, type, field, rule: fieldRule(fieldPolicy, type, field) },
        { caller, purpose },
        agreements,
        today,
      );
      ofType.set(field, decision);
      (this.input.observer ?? UNOBSERVED_POLICY).decided(
        fieldPolicy.agency,
        `${type}.${field}`,
        decision.effect,
      );
    }
    return decision;
  }

  /**
   * The decision on one statistical variable (`Statistics.<grant>`, classification `aggregate`)
   * for this caller and purpose, by the same function as every field's.
   */
  variableDecision(grant: string): FieldDecision {
    const { fieldPolicy, caller, purpose, agreements, today } = this.input;
    return decideField(
      {
        agency: fieldPolicy.agency,
        type: STATISTICS_TYPE,
        field: grant,
        rule: { classification: 'aggregate' },
      },
      { caller, purpose },
      agreements,
      today,
    );
  }

  /** The data subject of a record of `type`, or null when it is not about a person. */
  subjectOf(type: string, record: unknown): string | null {
    const rule = this.input.fieldPolicy.types[type]?.subject;
    if (!rule || rule === 'none' || typeof record !== 'object' || record === null) return null;
    const value =
      rule === 'inherit'
        ? (record as { [SUBJECT]?: unknown })[SUBJECT]
        : (record as Record<string, unknown>)[rule.property];
    return typeof value === 'string' ? value : null;
  }

  /**
   * The refusal of a field whatever the record, or null when some record's value may be
   * released (the rest is for `release` to decide, record by record).
   */
  fieldRefusal(type: string, field: string): GraphQLError | null {
    const decision = this.decision(type, field);
    return decision.effect === 'deny' ? this.refuse(type, field, decision.reason) : null;
  }

  /**
   * Releases one field of one record, or explains the refusal: at once, unless it rests on
   * the person's consent, which is read (batched per level) first.
   */
  release(
    type: string,
    field: string,
    record: unknown,
  ): Release | GraphQLError | Promise<Release | GraphQLError> {
    const decision = this.decision(type, field);
    const rule = fieldRule(this.input.fieldPolicy, type, field);
    switch (decision.effect) {
      case 'allow':
        return { mask: undefined, basis: decision.basis };
      case 'mask':
        return { mask: rule?.mask, basis: decision.basis };
      case 'deny':
        return this.refuse(type, field, decision.reason);
      case 'own-data': {
        const { caller } = this.input;
        const subject = this.subjectOf(type, record);
        return caller.kind === 'citizen' && subject === caller.subject
          ? { mask: undefined, basis: { kind: 'own-data' } }
          : this.refuse(type, field, decision.reason);
      }
      case 'consent': {
        const subject = this.subjectOf(type, record);
        const released: Release = {
          mask: decision.masked ? rule?.mask : undefined,
          basis: { kind: 'agreement', agreement: decision.agreement },
        };
        const refusal = () =>
          this.refuse(type, field, `${decision.reason}, and this person has not given it`);
        const observer = this.input.observer ?? UNOBSERVED_POLICY;
        const agency = this.input.fieldPolicy.agency;
        if (!subject) {
          observer.consentChecked(agency, 'absent');
          return refusal();
        }
        return this.consentsOf(subject).then((consents) => {
          const given = consents.some(
            (c) => c.fields.includes(`${type}.${field}`) || c.fields.includes(`${type}.*`),
          );
          observer.consentChecked(agency, given ? 'given' : 'absent');
          return given ? released : refusal();
        });
      }
    }
  }

  /** Whom this caller may identify, for its purpose (decided once per request). */
  identityScope(): IdentityScope {
    const { caller, purpose, agreements, today } = this.input;
    this.identity ??= identityScope({ caller, purpose }, agreements, today);
    return this.identity;
  }

  /** Whether the caller may identify the person `subject`: see personIdentity.ts. */
  async mayIdentify(subject: string | null): Promise<boolean> {
    const scope = this.identityScope();
    switch (scope.kind) {
      case 'everyone':
        return true;
      case 'nobody':
        return false;
      case 'own':
        return subject !== null && subject === scope.subject;
      case 'consented': {
        if (subject === null) return false;
        const consents = await this.consentsOf(subject);
        return consents.some((c) =>
          scope.fields.some((field) => c.fields.includes(field) || c.fields.includes('Person.*')),
        );
      }
    }
  }

  /**
   * The refusal of a lookup or link that would tie a person's identity to their data, for a
   * caller who may not identify them. It never depends on the record: an existing and a
   * missing person get the same answer.
   */
  unidentified(type: string, field: string): GraphQLError {
    const scope = this.identityScope();
    const reason = scope.kind === 'everyone' ? 'the caller may identify everyone' : scope.reason;
    return this.refuse(
      type,
      field,
      `${this.input.fieldPolicy.agency}/${type}.${field} ties records to a person's identity, and ${reason}`,
    );
  }

  private consentsOf(subject: string): Promise<Consent[]> {
    const { caller, purpose, consents } = this.input;
    if (caller.kind !== 'organisation' || !purpose) return Promise.resolve([]);
    this.consentLoader ??= new DataLoader(async (subjects) => {
      const found = await consents.findInForce(subjects, caller.organisation, purpose);
      return subjects.map((s) => found.filter((c) => c.subjectId === s));
    });
    return this.consentLoader.load(subject);
  }

  private refuse(type: string, field: string, reason: string): GraphQLError {
    const { fieldPolicy, caller, purpose } = this.input;
    return forbidden(`Access denied: ${reason}`, {
      agency: fieldPolicy.agency,
      field: `${type}.${field}`,
      purpose,
      organisation: caller.kind === 'organisation' ? caller.organisation : null,
    });
  }
}
