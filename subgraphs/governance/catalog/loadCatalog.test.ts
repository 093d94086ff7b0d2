import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCatalog } from './loadCatalog';

function fileWith(contents: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'catalog-')), 'catalog.json');
  writeFileSync(file, contents);
  return file;
}

describe('loading the data catalog', () => {
  it('reads the checked-in catalog', () => {
    const catalog = loadCatalog();
    expect(catalog.agencies()).toContain('population');
    expect(catalog.entry('population', 'Person', 'dateOfBirth')).toMatchObject({
      classification: 'personal',
      maskedForm: 'the year only',
    });
  });

  it('stops the service when the file is missing or malformed, saying how to fix it', () => {
    expect(() => loadCatalog('/nowhere/catalog.json')).toThrow(/run `npm run compose`/);
    expect(() => loadCatalog(fileWith('{'))).toThrow(/cannot read the data catalog/);
    expect(() =>
      loadCatalog(
        fileWith(
          JSON.stringify({
            $comment: '',
            agencies: [{ agency: 'tax', title: 'Tax Board', types: [{ type: 'X', fields: [{}] }] }],
          }),
        ),
      ),
    ).toThrow(/agencies\.0\.types\.0\.description/);
  });
});
