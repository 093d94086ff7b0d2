import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { TransportContext } from '../context';
import { DrivingLicence } from '../drivingLicence/drivingLicence.type';
import { Vehicle } from '../vehicle/vehicle.type';
import { Person } from './person.type';

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => [Vehicle], {
    nullable: true,
    description: 'Vehicles registered to the person as owner, in registration number order.',
  })
  vehicles(@Root() person: Person, @Ctx() { loaders }: TransportContext): Promise<Vehicle[]> {
    return loaders.vehiclesByOwner.load(person.nationalId);
  }

  @FieldResolver(() => DrivingLicence, {
    nullable: true,
    description: 'The driving licence held by the person; null when they hold none.',
  })
  drivingLicence(
    @Root() person: Person,
    @Ctx() { loaders }: TransportContext,
  ): Promise<DrivingLicence | null> {
    return loaders.drivingLicenceByHolder.load(person.nationalId);
  }
}
