export {
  RECORD_SCHEMA,
  MAX_RECORD_BYTES,
  GENESIS_HASH,
  RECORD_METHODS,
  RECORD_SOURCES,
  type RecordMethod,
  type RecordSource,
  type RecordChoices,
  type ConsentRecord,
  type ChainedRecord,
  type SealedRecord,
  type Receipt,
  type BatchInclusion,
  type Notice,
  type NoticeRegistration,
} from './record.js';
export { canonicalJson } from './canonical-json.js';
export { sha256Hex, noticeHash, noticeHashSync } from './hash.js';
export { validateRecord, validateNoticeRegistration, isUuid, LIMITS, type ValidationResult } from './validate.js';
