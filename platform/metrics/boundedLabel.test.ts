import { ANONYMOUS_OPERATION, boundedOperationLabel, OTHER_LABEL } from './boundedLabel';

describe('the operation label', () => {
  it('keeps GraphQL names up to its bound, and names every later one other', () => {
    const label = boundedOperationLabel(2);
    expect(label('CaseFile')).toBe('CaseFile');
    expect(label('Vehicles')).toBe('Vehicles');
    expect(label('CaseFile')).toBe('CaseFile');
    expect(label('Third')).toBe(OTHER_LABEL);
  });

  it('names an operation without a name anonymous, and free text other', () => {
    const label = boundedOperationLabel();
    expect(label(undefined)).toBe(ANONYMOUS_OPERATION);
    expect(label(null)).toBe(ANONYMOUS_OPERATION);
    expect(label('')).toBe(ANONYMOUS_OPERATION);
    expect(label('48507120002')).toBe(OTHER_LABEL);
    expect(label('a name with spaces')).toBe(OTHER_LABEL);
    expect(label('x'.repeat(65))).toBe(OTHER_LABEL);
  });
});
