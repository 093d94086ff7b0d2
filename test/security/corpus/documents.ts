import { Lexer, Source, TokenKind } from 'graphql';

/** The lexical tokens of a document as the gateway's token limit counts them (EOF not counted). */
export function tokenCount(document: string): number {
  const lexer = new Lexer(new Source(document));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
}

/** `n` copies of `text`, separated by spaces. */
export const times = (n: number, text: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => text(i)).join(' ');

/**
 * Fragments `<prefix>0` … on `type`: the first holds `fields`, each other spreads the one
 * before it `fanOut` times, so the last expands to fanOut^(n-1) copies of the fields.
 */
export function fanningFragments(
  prefix: string,
  n: number,
  type: string,
  fields: string,
  fanOut = 2,
): string {
  return times(n, (i) =>
    i === 0
      ? `fragment ${prefix}0 on ${type} { ${fields} }`
      : `fragment ${prefix}${i} on ${type} { ${times(fanOut, () => `...${prefix}${i - 1}`)} }`,
  );
}

/**
 * A selection of exactly `n` fields once expanded, spreading fragments `P<i>` (2^i copies of
 * `field`) as the binary digits of n say, with their definitions: a few tokens for any n.
 */
export function expandedFields(n: number, type: string, field: string) {
  const bits = [...n.toString(2)].reverse();
  return {
    selection: bits.flatMap((bit, i) => (bit === '1' ? [`...P${i}`] : [])).join(' '),
    fragments: fanningFragments('P', bits.length, type, field),
  };
}
