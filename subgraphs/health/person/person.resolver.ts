import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HealthContext } from '../context';
import { GpRegistration } from '../gpRegistration/gpRegistration.type';
import { Vaccination } from '../vaccination/vaccination.type';
import { Person } from './person.type';

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => [Vaccination], {
    nullable: true,
    description: 'Vaccinations the person has been given, the most recent first.',
  })
  vaccinations(@Root() person: Person, @Ctx() { loaders }: HealthContext): Promise<Vaccination[]> {
    return loaders.vaccinationsByPatient.load(person.nationalId);
  }

  @FieldResolver(() => GpRegistration, {
    nullable: true,
    description: 'The family doctor (GP) the person is registered with; null when none.',
  })
  gp(@Root() person: Person, @Ctx() { loaders }: HealthContext): Promise<GpRegistration | null> {
    return loaders.gpRegistrationByPatient.load(person.nationalId);
  }
}
