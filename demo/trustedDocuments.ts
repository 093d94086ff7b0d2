import path from 'node:path';
import type { TrustedDocumentsOptions } from '../gateway/trustedDocuments/trustedDocumentSource';
import { repoRoot } from '../platform/repoRoot';

/**
 * The demo's trusted documents: Demo Bank's systems run only the operations registered for the
 * bank (schema/trusted-documents/demo-bank/), so a leaked credential of the bank cannot run any
 * other query. As `npm start` and docker-compose configure the gateway.
 */
export const DEMO_TRUSTED_DOCUMENTS: TrustedDocumentsOptions = {
  path: path.join(repoRoot(), 'schema', 'trusted-documents.json'),
  heldClients: ['demo-bank'],
};
