import { Arg, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { notFound } from '../../../platform/errors/clientErrors';
import type { TransportContext } from '../context';
import { Person } from '../person/person.type';
import { assertRegistrationNumber } from './assertRegistrationNumber';
import { Vehicle } from './vehicle.type';

@Resolver(() => Vehicle)
export class VehicleResolver {
  @Query(() => Vehicle, { nullable: true, description: 'One vehicle, by registration number.' })
  async vehicle(
    @Arg('registrationNumber', () => ID, {
      description: 'Capital letters and digits without spaces, such as 123ABC.',
    })
    registrationNumber: string,
    @Ctx() { loaders }: TransportContext,
  ): Promise<Vehicle> {
    assertRegistrationNumber(registrationNumber, 'registrationNumber');
    const vehicle = await loaders.vehicleByRegistration.load(registrationNumber);
    if (!vehicle) {
      throw notFound(`No vehicle with registrationNumber ${registrationNumber} is registered`);
    }
    return vehicle;
  }

  // Joins on a hidden key, so that the registration number itself stays under policy.
  @FieldResolver(() => ID, { description: 'Internal join key: the registration number.' })
  @Directive('@inaccessible')
  id(@Root() vehicle: Vehicle): string {
    return vehicle.registrationNumber;
  }

  @FieldResolver(() => Person, {
    nullable: true,
    description: 'The registered owner of the vehicle.',
  })
  owner(@Root() vehicle: Vehicle): Person {
    return { nationalId: vehicle.ownerId };
  }
}
