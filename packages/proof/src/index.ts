export {
  createProofClient,
  backoffMs,
  NO_NOTICE,
  type ProofClient,
  type ProofClientOptions,
  type ProofDecision,
  type ProofReceipt,
  type ProofResult,
  type FlushResult,
} from './client.js';
export { buildRecord, recordMethod, type RecordContext } from './build-record.js';
export type { ProofStorage } from './safe-storage.js';
