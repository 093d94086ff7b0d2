import { type Path, pathToArray } from 'graphql/jsutils/Path';

/** What one subgraph released about one person in one request. */
export interface AccessEntry {
  subjectId: string;
  fields: string[];
}

/**
 * Collects, during one request, every release of personal data by person and field, and
 * where in the response each value went (so it can be withheld if it cannot be recorded).
 */
export class AccessRecorder {
  private readonly fieldsBySubject = new Map<string, Set<string>>();
  // Kept as graphql-js paths and turned into arrays only if values must be withheld.
  private readonly paths: Path[] = [];

  record(subjectId: string, field: string, path: Path): void {
    let fields = this.fieldsBySubject.get(subjectId);
    if (!fields) this.fieldsBySubject.set(subjectId, (fields = new Set()));
    fields.add(field);
    this.paths.push(path);
  }

  get isEmpty(): boolean {
    return this.fieldsBySubject.size === 0;
  }

  entries(): AccessEntry[] {
    return [...this.fieldsBySubject].map(([subjectId, fields]) => ({
      subjectId,
      fields: [...fields].sort(),
    }));
  }

  /** Response paths of every released personal value. */
  releasedPaths(): (string | number)[][] {
    return this.paths.map((path) => pathToArray(path));
  }
}
