import { SHOWCASE } from '../../demo/showcase';
import type { Db } from '../../platform/db/createDb';
import type { AgencySubgraph } from '../../platform/subgraph/SubgraphDefinition';
import { statementsOf as countStatementsOf } from '../../test/support/countStatements';
import { subgraphRequester } from '../../test/support/subgraphRequest';
import { connectTestDatabase } from '../../test/support/testDatabase';
import { createTransportSubgraph } from './index';
import type { TransportLoaders } from './loaders';
import type { TransportRepositories } from './repositories';

/** The persona these tests ask as: one whose agreements cover this agency's data. */
const AS = { persona: 'police-officer', purpose: 'traffic-control' } as const;

let db: Db;
let requester: Awaited<ReturnType<typeof subgraphRequester>>;
let subgraph: AgencySubgraph<TransportLoaders, TransportRepositories>;

beforeAll(async () => {
  db = connectTestDatabase();
  subgraph = await createTransportSubgraph(db);
  requester = await subgraphRequester(subgraph);
});
afterAll(async () => {
  await requester.stop();
  await db.destroy();
});

/** Queries run as the gateway would send them: a fresh context and fresh loaders per request. */
const data = (source: string, variableValues?: Record<string, unknown>) =>
  requester.data(source, AS, variableValues);
const errorCodeOf = (source: string, variableValues?: Record<string, unknown>) =>
  requester.errorCode(source, AS, variableValues);
/** How many SQL statements `run` sends to the database. */
const statementsOf = (run: () => Promise<unknown>) => countStatementsOf(db, run);

const VEHICLE = `query ($registrationNumber: ID!) {
  vehicle(registrationNumber: $registrationNumber) {
    registrationNumber make model firstRegistered fuel colour owner { nationalId: id }
  }
}`;

const PEOPLE = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Person {
      nationalId: id
      vehicles { registrationNumber make model owner { nationalId: id } }
      drivingLicence { licenceNumber categories issuedOn validUntil }
    }
  }
}`;

const people = (nationalIds: readonly string[]) => ({
  representations: nationalIds.map((nationalId) => ({ __typename: 'Person', id: nationalId })),
});

describe('Query.vehicle', () => {
  test("finds the showcase person's car with its owner", async () => {
    expect(await data(VEHICLE, { registrationNumber: SHOWCASE.vehicleRegistration })).toEqual({
      vehicle: {
        registrationNumber: SHOWCASE.vehicleRegistration,
        make: 'Toyota',
        model: 'RAV4',
        firstRegistered: '2019-04-16',
        fuel: 'hybrid',
        colour: 'grey',
        owner: { nationalId: SHOWCASE.nationalId },
      },
    });
  });

  test('reports an unregistered number as NOT_FOUND', async () => {
    expect(await errorCodeOf(VEHICLE, { registrationNumber: '999ZZZ' })).toBe('NOT_FOUND');
  });

  test.each(['', 'A', '123 ABC', '123abc', 'ABCDEFGHIJ', "1'; drop"])(
    'rejects the malformed number %p as BAD_USER_INPUT',
    async (registrationNumber) => {
      expect(await errorCodeOf(VEHICLE, { registrationNumber })).toBe('BAD_USER_INPUT');
    },
  );
});

describe('Person references', () => {
  test("resolve the showcase person's vehicles and driving licence", async () => {
    expect(await data(PEOPLE, people([SHOWCASE.nationalId]))).toEqual({
      _entities: [
        {
          nationalId: SHOWCASE.nationalId,
          vehicles: [
            {
              registrationNumber: SHOWCASE.vehicleRegistration,
              make: 'Toyota',
              model: 'RAV4',
              owner: { nationalId: SHOWCASE.nationalId },
            },
          ],
          drivingLicence: {
            licenceNumber: 'EE850712001',
            categories: ['B'],
            issuedOn: '2018-08-20',
            validUntil: '2028-08-20',
          },
        },
      ],
    });
  });

  test('give a child no vehicles and no licence, in the order asked', async () => {
    const { _entities } = await data(PEOPLE, people([SHOWCASE.childIds[0], SHOWCASE.partnerId]));
    expect(_entities).toEqual([
      { nationalId: SHOWCASE.childIds[0], vehicles: [], drivingLicence: null },
      expect.objectContaining({
        nationalId: SHOWCASE.partnerId,
        vehicles: [expect.objectContaining({ make: 'Škoda', model: 'Octavia' })],
      }),
    ]);
  });

  test('cost the same number of SQL statements for 1 person as for 50', async () => {
    const owners = await db('transport.vehicle')
      .distinct('owner_id')
      .orderBy('owner_id')
      .limit(50)
      .pluck('owner_id');
    expect(owners).toHaveLength(50);
    const one = await statementsOf(() => data(PEOPLE, people(owners.slice(0, 1))));
    const fifty = await statementsOf(() => data(PEOPLE, people(owners)));
    expect(one).toBe(2);
    expect(fifty).toBe(one);
  });
});

describe('Vehicle references', () => {
  const VEHICLES = `query ($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Vehicle { registrationNumber model owner { nationalId: id } } }
  }`;

  test('resolve known vehicles and give null for unknown ones', async () => {
    const representations = [SHOWCASE.vehicleRegistration, '999ZZZ'].map((id) => ({
      __typename: 'Vehicle',
      id,
    }));
    expect(await data(VEHICLES, { representations })).toEqual({
      _entities: [
        {
          registrationNumber: SHOWCASE.vehicleRegistration,
          model: 'RAV4',
          owner: { nationalId: SHOWCASE.nationalId },
        },
        null,
      ],
    });
  });
});
