import { appendFile, readFile } from 'node:fs/promises';
import type { Witness } from './Witness';

/**
 * A witness that appends each signed statement to a file as one JSON line (`agency`, `kind`,
 * `seq`, `jws`, `witnessedAt`): a file on storage the agency's database owner cannot reach, e.g.
 * a write-once bucket mounted by another team. Several agencies may share one file.
 */
export function fileWitness(path: string): Witness {
  const name = `file ${path}`;
  return {
    name,
    async publish({ jws, statement }) {
      const line = JSON.stringify({
        agency: statement.agency,
        kind: statement.kind,
        seq: statement.seq,
        jws,
        witnessedAt: new Date().toISOString(),
      });
      // One write of one line, opened for appending: lines of several writers do not interleave.
      await appendFile(path, `${line}\n`, { encoding: 'utf8', flag: 'a' });
    },
    async heads(agency) {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      return text.split('\n').flatMap((line, index) => {
        if (line.trim() === '') return [];
        const ref = `line ${index + 1}`;
        try {
          const entry = JSON.parse(line) as { agency?: unknown; jws?: unknown };
          return entry.agency === agency ? [{ witness: name, ref, jws: String(entry.jws) }] : [];
        } catch {
          // A damaged line is evidence too: the verifier reports it as a statement it cannot check.
          return [{ witness: name, ref, jws: '' }];
        }
      });
    },
  };
}
