import path from 'node:path';
import { readRoleGrants } from '../gateway/identity/roleGrants';
import { DATA_CONTROLLERS } from './governance';

const grants = readRoleGrants(path.join(__dirname, 'roles.json'));

test("the gateway lets exactly the register's data controllers hold the data-controller role", () => {
  expect([...grants.get('data-controller')!].sort()).toEqual(
    [...new Set(Object.values(DATA_CONTROLLERS))].sort(),
  );
});

test('only the Information System Authority administers the register', () => {
  expect([...grants.get('governance-admin')!]).toEqual(['information-system-authority']);
});
