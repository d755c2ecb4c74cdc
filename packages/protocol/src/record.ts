/** The schema tag every record carries; bump on an incompatible change. */
export const RECORD_SCHEMA = 'consentry.record/1';

/** Largest accepted request body for one record, in bytes (the server answers 413 above it). */
export const MAX_RECORD_BYTES = 16 * 1024;

/** SHA-256 hex of 32 zero bytes' worth of hex: the `prevHash` of the first record of a chain. */
export const GENESIS_HASH = '0'.repeat(64);

export const RECORD_METHODS = ['accept-all', 'reject-all', 'custom', 'withdraw', 'gpc'] as const;
export type RecordMethod = (typeof RECORD_METHODS)[number];

export const RECORD_SOURCES = ['banner', 'preferences', 'api'] as const;
export type RecordSource = (typeof RECORD_SOURCES)[number];

export interface RecordChoices {
  necessary: true;
  functional: boolean;
  statistics: boolean;
  targeting: boolean;
}

/** What the browser sends for every decision (docs/architecture.md, section 6). */
export interface ConsentRecord {
  schema: typeof RECORD_SCHEMA;
  recordId: string;
  consentId: string;
  /** Client clock, ISO 8601 UTC. */
  timestamp: string;
  site: string;
  url: string;
  revision: number;
  language: string;
  /** SHA-256 hex of the canonical `{ language, texts }` the visitor was shown. */
  noticeHash: string;
  choices: RecordChoices;
  vendors: Record<string, boolean>;
  method: RecordMethod;
  source: RecordSource;
  gpc: boolean;
  userAgent: string;
}

/** The record as the server stores and hashes it: the client record plus the server's fields. */
export interface ChainedRecord extends ConsentRecord {
  /** Server clock, ISO 8601 UTC. */
  receivedAt: string;
  /** Minimised client address (`203.0.113.0/24`, `2001:db8:1::/48`) or null. */
  ip: string | null;
  /** The chain this record belongs to (one per writer; see docs/server.md). */
  chain: string;
  seq: number;
  prevHash: string;
}

/**
 * Where a record sits in the Merkle tree of the batch it was committed in (RFC 9162 shape:
 * leaf = SHA-256(0x00 || hash bytes), node = SHA-256(0x01 || left || right)). The batch's one
 * Ed25519 signature is over the 32 bytes of `root`. Absent on records sealed one by one.
 */
export interface BatchInclusion {
  index: number;
  size: number;
  /** Hex SHA-256 of the tree head the signature covers. */
  root: string;
  /** Audit path, hex, nearest sibling first. */
  path: string[];
}

/** A stored record with its seal: `hash` = SHA-256(canonical JSON of the ChainedRecord). */
export interface SealedRecord extends ChainedRecord {
  hash: string;
  /** Ed25519, base64url: over `tree.root` when `tree` is present, else over the 32 hash bytes. */
  signature: string;
  keyId: string;
  tree?: BatchInclusion;
}

/** What `POST /v1/consents` answers with (docs/architecture.md, section 7). */
export interface Receipt {
  recordId: string;
  seq: number;
  hash: string;
  signature: string;
  keyId: string;
  /** Batch inclusion proof; keep it with the receipt, the signature is over its root. */
  tree?: BatchInclusion;
}

/** The exact texts shown, in the language shown. */
export interface Notice {
  language: string;
  texts: Record<string, string>;
}

/** Body of `POST /v1/notices`: the texts and the hash the client computed over them. */
export interface NoticeRegistration extends Notice {
  noticeHash: string;
}
