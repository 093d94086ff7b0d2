import type { SchemaChange } from './schemaChange';
import { formatSchemaCheckReport, schemaCheckReport } from './schemaCheckReport';

const change = (criticality: SchemaChange['criticality'], type: string, path: string) => ({
  id: `${type}:${path}`,
  area: 'api' as const,
  type,
  path,
  criticality,
  message: `${type} at ${path}`,
});

it('prints breaking changes first, one line each with criticality, id and message', () => {
  const report = schemaCheckReport(
    [
      change('NON_BREAKING', 'FIELD_ADDED', 'Person.nickname'),
      change('DANGEROUS', 'ENUM_VALUE_ADDED', 'BenefitType.PENSION'),
      change('BREAKING', 'FIELD_REMOVED', 'Person.alias'),
      change('BREAKING', 'TYPE_REMOVED', 'Alias'),
    ],
    [
      { change: 'TYPE_REMOVED:Alias', reason: 'merged into Person' },
      { change: 'FIELD_REMOVED:Company.old', reason: 'gone' },
    ],
  );
  expect(formatSchemaCheckReport(report, 'HEAD^1').split('\n')).toEqual([
    'BREAKING     FIELD_REMOVED:Person.alias  FIELD_REMOVED at Person.alias',
    'BREAKING     TYPE_REMOVED:Alias  TYPE_REMOVED at Alias (acknowledged: merged into Person)',
    'DANGEROUS    ENUM_VALUE_ADDED:BenefitType.PENSION  ENUM_VALUE_ADDED at BenefitType.PENSION',
    'NON_BREAKING FIELD_ADDED:Person.nickname  FIELD_ADDED at Person.nickname',
    'STALE        FIELD_REMOVED:Company.old  acknowledged ("gone") but no such change was found',
    'schema check FAILED against HEAD^1: 1 breaking change not acknowledged in schema/acknowledged-changes.json',
    '',
  ]);
});

it('passes with dangerous changes and acknowledged breaking ones', () => {
  const report = schemaCheckReport(
    [
      change('DANGEROUS', 'ENUM_VALUE_ADDED', 'BenefitType.PENSION'),
      change('BREAKING', 'TYPE_REMOVED', 'Alias'),
    ],
    [{ change: 'TYPE_REMOVED:Alias', reason: 'merged into Person' }],
  );
  expect(report).toMatchObject({ passed: true, unacknowledged: 0, stale: [] });
  expect(formatSchemaCheckReport(report, 'main')).toMatch(
    /schema check passed against main: 2 changes, 1 breaking, all acknowledged\n$/,
  );
});
