import type { Db } from '../../../platform/db/createDb';
import type { Address } from './address.type';
import type { Person } from './person.type';

interface PersonRow {
  national_id: string;
  list_key: string;
  given_name: string;
  family_name: string;
  date_of_birth: string;
  sex: string;
  date_of_death: string | null;
  household_id: number | null;
  address_id: number | null;
}

interface AddressRow {
  id: number;
  street: string;
  postal_code: string;
  city: string;
  municipality: string;
}

const PERSON = 'population.person';
const ADDRESS = 'population.address';
const PARENT_CHILD = 'population.parent_child';

function toPerson(row: PersonRow): Person {
  return {
    nationalId: row.national_id,
    listKey: row.list_key,
    givenName: row.given_name,
    familyName: row.family_name,
    dateOfBirth: row.date_of_birth,
    sex: row.sex,
    dateOfDeath: row.date_of_death,
    householdId: row.household_id,
    addressId: row.address_id,
  };
}

function toAddress(row: AddressRow): Address {
  return {
    id: row.id,
    street: row.street,
    postalCode: row.postal_code,
    city: row.city,
    municipality: row.municipality,
  };
}

/** A person together with the relative through whom they were found. */
export interface RelatedPerson {
  relativeId: string;
  person: Person;
}

/** The only place the population register's tables are read. */
export class PersonRepository {
  constructor(private readonly db: Db) {}

  async findByIds(nationalIds: readonly string[]): Promise<Person[]> {
    const rows = await this.db<PersonRow>(PERSON).whereRaw('national_id = any(?)', [
      Array.from(nationalIds),
    ]);
    return rows.map(toPerson);
  }

  async findByHouseholds(householdIds: readonly number[]): Promise<Person[]> {
    const rows = await this.db<PersonRow>(PERSON)
      .whereRaw('household_id = any(?)', [Array.from(householdIds)])
      .orderBy('date_of_birth');
    return rows.map(toPerson);
  }

  /** Parents of the given children, each tagged with the child's ID. */
  async findParentsOf(childIds: readonly string[]): Promise<RelatedPerson[]> {
    return this.findRelatives('child_id', 'parent_id', childIds);
  }

  /** Children of the given parents, each tagged with the parent's ID. */
  async findChildrenOf(parentIds: readonly string[]): Promise<RelatedPerson[]> {
    return this.findRelatives('parent_id', 'child_id', parentIds);
  }

  /**
   * One page of the register in the order of its random list key (never of the national ID,
   * which encodes sex and date of birth), fetching one row more to tell if a next page exists.
   */
  async page(afterListKey: string | null, limit: number): Promise<Person[]> {
    const query = this.db<PersonRow>(PERSON)
      .orderBy('list_key')
      .limit(limit + 1);
    if (afterListKey !== null) query.where('list_key', '>', afterListKey);
    return (await query).map(toPerson);
  }

  async findAddresses(ids: readonly number[]): Promise<Address[]> {
    const rows = await this.db<AddressRow>(ADDRESS).whereRaw('id = any(?)', [Array.from(ids)]);
    return rows.map(toAddress);
  }

  private async findRelatives(
    byColumn: 'child_id' | 'parent_id',
    relativeColumn: 'child_id' | 'parent_id',
    ids: readonly string[],
  ): Promise<RelatedPerson[]> {
    const rows = await this.db(`${PARENT_CHILD} as link`)
      .join(`${PERSON} as p`, 'p.national_id', `link.${relativeColumn}`)
      .whereRaw(`link.${byColumn} = any(?)`, [Array.from(ids)])
      .orderBy('p.date_of_birth')
      .select<(PersonRow & { relative_id: string })[]>('p.*', `link.${byColumn} as relative_id`);
    return rows.map((row) => ({ relativeId: row.relative_id, person: toPerson(row) }));
  }
}
