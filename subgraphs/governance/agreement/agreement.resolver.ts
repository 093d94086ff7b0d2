import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { AGENCIES, isAgencyName } from '../../../platform/agencies';
import { notFound } from '../../../platform/errors/clientErrors';
import { isInForce } from '../../../platform/policy/agreement';
import type { GovernanceContext } from '../context';
import { todayUtc } from '../graphql/calendar';
import { Organisation } from '../organisation/organisation.type';
import { Agreement } from './agreement.type';
import { AgreementChange } from './agreementChange.type';
import { AgreementProposal } from './agreementProposal.type';
import { ProposalState } from './ProposalState';
import { AgreementStatus } from './AgreementStatus';

@Resolver(() => Agreement)
export class AgreementResolver {
  @Query(() => [Agreement], {
    description:
      'The central register of data-sharing agreements, by register number; every argument narrows it.',
  })
  agreements(
    @Arg('provider', () => String, { nullable: true, description: 'A providing agency.' })
    provider: string | null,
    @Arg('consumer', () => String, { nullable: true, description: 'A consuming organisation.' })
    consumer: string | null,
    @Arg('status', () => AgreementStatus, { nullable: true }) status: AgreementStatus | null,
    @Ctx() { repositories }: GovernanceContext,
  ): Promise<Agreement[]> {
    return repositories.agreements.findAll({
      provider: provider ?? undefined,
      consumer: consumer ?? undefined,
      status: status ?? undefined,
    });
  }

  @Query(() => Agreement, { nullable: true, description: 'One agreement, by register number.' })
  async agreement(
    @Arg('id', () => ID) id: string,
    @Ctx() { loaders }: GovernanceContext,
  ): Promise<Agreement> {
    const agreement = await loaders.agreementById.load(id);
    if (!agreement) throw notFound(`No agreement ${id} is in the register`);
    return agreement;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The name of the providing agency.',
  })
  providerTitle(@Root() agreement: Agreement): string | null {
    return isAgencyName(agreement.provider) ? AGENCIES[agreement.provider].title : null;
  }

  @FieldResolver(() => Organisation, {
    nullable: true,
    description: 'The consuming organisation, as registered.',
  })
  consumerOrganisation(
    @Root() agreement: Agreement,
    @Ctx() { loaders }: GovernanceContext,
  ): Promise<Organisation | null> {
    return loaders.organisationByCode.load(agreement.consumer);
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether policy applies it today: active, and today within its validity period.',
  })
  inForce(@Root() agreement: Agreement): boolean {
    return isInForce(agreement, todayUtc());
  }

  @FieldResolver(() => [AgreementChange], {
    description:
      'Every version that took effect, oldest first: approvals (with who proposed and who approved), changes that applied at once, and revocation. Proposals are in proposals.',
  })
  history(
    @Root() agreement: Agreement,
    @Ctx() { loaders }: GovernanceContext,
  ): Promise<AgreementChange[]> {
    return loaders.historyByAgreement.load(agreement.id);
  }

  @FieldResolver(() => AgreementProposal, {
    nullable: true,
    description:
      "The proposal awaiting the data controller's approval, if any: approve it with approveAgreement(id, pendingProposal.version).",
  })
  async pendingProposal(
    @Root() agreement: Agreement,
    @Ctx() { loaders }: GovernanceContext,
  ): Promise<AgreementProposal | null> {
    const proposals = await loaders.proposalsByAgreement.load(agreement.id);
    return proposals.find((p) => p.state === ProposalState.PENDING) ?? null;
  }

  @FieldResolver(() => [AgreementProposal], {
    description: 'Every proposal made for it, oldest first: pending, approved and superseded.',
  })
  proposals(
    @Root() agreement: Agreement,
    @Ctx() { loaders }: GovernanceContext,
  ): Promise<AgreementProposal[]> {
    return loaders.proposalsByAgreement.load(agreement.id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The organisation that controls the providing agency's data: its data controller approves the agreement's proposals.",
  })
  async dataController(
    @Root() agreement: Agreement,
    @Ctx() { loaders }: GovernanceContext,
  ): Promise<string | null> {
    return (await loaders.controllers()).get(agreement.provider) ?? null;
  }
}
