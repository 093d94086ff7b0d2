/** Who can owe tax: a person by national ID or a company by registry code. */
export interface TaxParty {
  kind: 'person' | 'company';
  id: string;
}

// DataLoader finds keys again by identity, so a party is keyed by a string of its kind and ID.
// Neither national IDs nor registry codes contain a colon.

/** The loader key of a party. */
export function taxPartyKey(party: TaxParty): string {
  return `${party.kind}:${party.id}`;
}

/** The party a loader key stands for. */
export function parseTaxPartyKey(key: string): TaxParty {
  const separator = key.indexOf(':');
  const kind = key.slice(0, separator);
  if (kind !== 'person' && kind !== 'company') throw new Error(`not a tax party key: ${key}`);
  return { kind, id: key.slice(separator + 1) };
}
