import { readFile } from 'node:fs/promises';
import {
  assertValidSchema,
  buildASTSchema,
  type ConstDirectiveNode,
  type DocumentNode,
  isEnumType,
  Kind,
  parse,
} from 'graphql';

/** Raised when the supergraph file cannot be read or is not a usable supergraph. */
export class SupergraphError extends Error {
  override readonly name = 'SupergraphError';
}

/** A supergraph that parsed and validated, with what the gateway needs to know about it. */
export interface Supergraph {
  sdl: string;
  document: DocumentNode;
  /** Subgraph names as written in `@join__graph(name:)`; the keys of URL overrides. */
  subgraphNames: string[];
}

/**
 * Reads and checks a composed supergraph, so a half-written or hand-broken file is
 * rejected here, before the runtime would swap it in.
 */
export async function loadSupergraph(path: string): Promise<Supergraph> {
  let sdl: string;
  try {
    sdl = await readFile(path, 'utf8');
  } catch (error) {
    throw new SupergraphError(`cannot read the supergraph at ${path}: ${(error as Error).message}`);
  }
  try {
    const document = parse(sdl);
    const schema = buildASTSchema(document);
    assertValidSchema(schema);
    const joinGraph = schema.getType('join__Graph');
    if (!isEnumType(joinGraph))
      throw new Error('it declares no join__Graph enum (is it a subgraph SDL?)');
    const subgraphNames = joinGraph
      .getValues()
      .map((value) => joinGraphName(value.astNode?.directives ?? []))
      .filter((name): name is string => name !== undefined);
    if (subgraphNames.length === 0) throw new Error('it names no subgraphs');
    return { sdl, document, subgraphNames };
  } catch (error) {
    throw new SupergraphError(
      `the supergraph at ${path} is not valid: ${(error as Error).message}`,
    );
  }
}

function joinGraphName(directives: readonly ConstDirectiveNode[]): string | undefined {
  const directive = directives.find((candidate) => candidate.name.value === 'join__graph');
  const name = directive?.arguments?.find((argument) => argument.name.value === 'name')?.value;
  return name?.kind === Kind.STRING ? name.value : undefined;
}
