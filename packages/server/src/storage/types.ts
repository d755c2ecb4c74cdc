import type { BatchInclusion, ConsentRecord, NoticeRegistration } from '@consentry/protocol';

/** One stored record: `body` is the canonical JSON that `hash` covers; the rest index it. */
export interface StoredRow {
  chain: string;
  seq: number;
  recordId: string;
  consentId: string;
  receivedAt: string;
  /** The visitor's decision time (the record's `timestamp`); history and export order by it. */
  decidedAt: string;
  noticeHash: string;
  body: string;
  hash: string;
  signature: string;
  keyId: string;
  /** The batch Merkle inclusion the signature covers; null for a record signed on its own. */
  tree: BatchInclusion | null;
}

/** The tip of one chain, and where it starts after a purge (`baseSeq`/`baseHash`). */
export interface ChainHead {
  chain: string;
  seq: number;
  hash: string;
  baseSeq: number;
  baseHash: string;
}

export interface AppendInput {
  record: ConsentRecord;
  receivedAt: string;
  ip: string | null;
}

/** Seals rows inside the adapter's transaction: `link` chains one record, `sign` signs a batch's new rows. */
export interface Sealer {
  /** The next chained row (hash set, not yet signed). Pure. */
  link(input: AppendInput, chain: string, prev: { seq: number; hash: string }): StoredRow;
  /** Sets signature, keyId and tree on every row: one signature over the Merkle root of their hashes. */
  sign(rows: StoredRow[]): void;
}

export interface AppendOutcome {
  /** `existing`: the recordId was stored before (or earlier in the same batch). */
  status: 'created' | 'existing';
  row: StoredRow;
}

export interface StoredNotice {
  noticeHash: string;
  language: string;
  texts: Record<string, string>;
  createdAt: string;
}

export interface PublicKeyRow {
  keyId: string;
  /** Raw 32-byte Ed25519 public key, base64url. */
  publicKey: string;
  createdAt: string;
}

export interface RangeQuery {
  /** Inclusive lower bound on the decision time `timestamp` (ISO 8601). */
  from?: string;
  /** Exclusive upper bound on the decision time. */
  to?: string;
  /** Keyset cursor: rows strictly after this one in (decidedAt, chain, seq) order. */
  after?: { decidedAt: string; chain: string; seq: number };
  limit: number;
}

/**
 * Plain SQL for the console's small tables (accounts, audit, sites, versions), written once with `?`
 * placeholders for both dialects. The records never go through it: they keep the adapter's own paths.
 */
export interface SqlRunner {
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs the statements in one transaction, in order; resolves to each one's count of changed rows. */
  batch(statements: ReadonlyArray<{ sql: string; params?: readonly unknown[] }>): Promise<number[]>;
}

/** Everything the server needs from a database. One contract suite runs against every adapter. */
export interface StorageAdapter {
  readonly kind: 'sqlite' | 'postgres';
  /** Applies pending versioned migrations; returns the schema version. */
  migrate(): Promise<number>;
  /** Appends in one durable transaction; resolves only after commit. */
  append(chain: string, inputs: readonly AppendInput[], seal: Sealer): Promise<AppendOutcome[]>;
  findByRecordId(recordId: string): Promise<StoredRow | null>;
  /** One visitor's history in decision order; past `limit`, the newest `limit` (the decisions in force). */
  listByConsentId(consentId: string, limit: number): Promise<StoredRow[]>;
  listRange(query: RangeQuery): Promise<StoredRow[]>;
  listChain(chain: string, afterSeq: number, limit: number): Promise<StoredRow[]>;
  heads(): Promise<ChainHead[]>;
  /** Stores a notice; false when that hash was already on file. */
  putNotice(notice: NoticeRegistration, createdAt: string): Promise<boolean>;
  getNotice(noticeHash: string): Promise<StoredNotice | null>;
  knownNotices(noticeHashes: readonly string[]): Promise<Set<string>>;
  putPublicKey(key: PublicKeyRow): Promise<void>;
  publicKeys(): Promise<PublicKeyRow[]>;
  /**
   * Deletes each chain's prefix received before `before`; keeps the chain verifiable. PostgreSQL
   * drops whole monthly partitions, so it removes only months that end on or before `before`.
   */
  purge(before: string): Promise<number>;
  /** Housekeeping that must run ahead of time (PostgreSQL: creates the coming months' partitions). */
  maintain(): Promise<void>;
  /** The durability settings in force on the connection that writes, as the database reports them. */
  durability(): Promise<Record<string, string>>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** SQL for the console's tables (see SqlRunner). */
  readonly sql: SqlRunner;
}
