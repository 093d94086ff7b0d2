import { createHash } from 'node:crypto';

/** The id of a trusted document: the SHA-256 of its exact text, in lowercase hex. */
export function documentHash(document: string): string {
  return createHash('sha256').update(document, 'utf8').digest('hex');
}

// `documentId` may carry the hash bare (Apollo's sha256Hash) or as `sha256:<hash>`.
const DOCUMENT_ID = /^(?:sha256:)?([0-9a-f]{64})$/;

/** The hash a client's `documentId` names, or undefined when it is no SHA-256 id. */
export function hashOfDocumentId(documentId: string): string | undefined {
  return DOCUMENT_ID.exec(documentId)?.[1];
}

/** Whether a manifest key is a bare SHA-256 hash in lowercase hex. */
export function isDocumentHash(key: string): boolean {
  return /^[0-9a-f]{64}$/.test(key);
}
