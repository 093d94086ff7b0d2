import { NewAgencyError } from './NewAgencyError';

/** An edit of a file the repository already has: its text in, its new text out. */
export interface FileEdit {
  /** The file, relative to the repository's root. */
  file: string;
  apply(text: string): string;
}

/** Inserts `insertion` just before the first `anchor` after `after` (or after the start). */
export function insertBefore(
  file: string,
  text: string,
  anchor: string,
  insertion: string,
  after = '',
): string {
  const from = after === '' ? 0 : text.indexOf(after);
  const at = from < 0 ? -1 : text.indexOf(anchor, from + after.length);
  if (at < 0) throw anchorMissing(file, after === '' ? anchor : `${after} … ${anchor}`);
  return `${text.slice(0, at)}${insertion}${text.slice(at)}`;
}

/** Inserts `insertion` on the line after the last line that contains `marker`. */
export function insertAfterLastLine(
  file: string,
  text: string,
  marker: string,
  insertion: string,
): string {
  const at = text.lastIndexOf(marker);
  if (at < 0) throw anchorMissing(file, marker);
  const lineEnd = text.indexOf('\n', at);
  const end = lineEnd < 0 ? text.length : lineEnd + 1;
  return `${text.slice(0, end)}${insertion}${text.slice(end)}`;
}

/** Replaces the one occurrence of `from`; refuses when it is missing. */
export function replaceOnce(file: string, text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0) throw anchorMissing(file, from);
  return `${text.slice(0, at)}${to}${text.slice(at + from.length)}`;
}

function anchorMissing(file: string, anchor: string): NewAgencyError {
  return new NewAgencyError(
    'ANCHOR_MISSING',
    `${file} no longer has the line the generator edits after (${JSON.stringify(anchor)}): add the agency there by hand`,
  );
}
