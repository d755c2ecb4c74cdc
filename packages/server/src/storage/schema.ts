import type { RangeQuery, StoredRow } from './types.js';

/**
 * Versioned migrations. Each entry is applied once, in order, inside a transaction, and recorded
 * in consentry_migrations. Never edit a shipped entry; append a new one.
 * `{{seq}}` is the integer type for sequence numbers (INTEGER in SQLite, BIGINT in PostgreSQL).
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; sql: string }> = [
  {
    version: 1,
    sql: `
CREATE TABLE consentry_records (
  chain TEXT NOT NULL,
  seq {{seq}} NOT NULL,
  record_id TEXT NOT NULL UNIQUE,
  consent_id TEXT NOT NULL,
  received_at TEXT NOT NULL,
  notice_hash TEXT NOT NULL,
  body TEXT NOT NULL,
  hash TEXT NOT NULL,
  signature TEXT NOT NULL,
  key_id TEXT NOT NULL,
  PRIMARY KEY (chain, seq)
);
CREATE INDEX consentry_records_consent ON consentry_records (consent_id, received_at);
CREATE INDEX consentry_records_received ON consentry_records (received_at, chain, seq);
CREATE TABLE consentry_chains (
  chain TEXT PRIMARY KEY,
  seq {{seq}} NOT NULL,
  hash TEXT NOT NULL,
  base_seq {{seq}} NOT NULL,
  base_hash TEXT NOT NULL
);
CREATE TABLE consentry_notices (
  notice_hash TEXT PRIMARY KEY,
  language TEXT NOT NULL,
  texts TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE consentry_keys (
  key_id TEXT PRIMARY KEY,
  public_key TEXT NOT NULL,
  created_at TEXT NOT NULL
);`,
  },
];

export const RECORD_COLUMNS = 'chain, seq, record_id, consent_id, received_at, notice_hash, body, hash, signature, key_id';

export interface RecordDbRow {
  chain: string;
  seq: number | string | bigint;
  record_id: string;
  consent_id: string;
  received_at: string;
  notice_hash: string;
  body: string;
  hash: string;
  signature: string;
  key_id: string;
}

export function fromDbRow(r: RecordDbRow): StoredRow {
  return {
    chain: r.chain,
    seq: Number(r.seq),
    recordId: r.record_id,
    consentId: r.consent_id,
    receivedAt: r.received_at,
    noticeHash: r.notice_hash,
    body: r.body,
    hash: r.hash,
    signature: r.signature,
    keyId: r.key_id,
  };
}

/** WHERE clauses for a keyset-paginated range; `param(n)` renders the n-th placeholder (1-based). */
export function rangeWhere(
  q: Pick<RangeQuery, 'from' | 'to' | 'after'>,
  param: (n: number) => string,
): { where: string[]; args: unknown[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  const p = (value: unknown) => {
    args.push(value);
    return param(args.length);
  };
  if (q.from !== undefined) where.push(`received_at >= ${p(q.from)}`);
  if (q.to !== undefined) where.push(`received_at < ${p(q.to)}`);
  if (q.after) where.push(`(received_at, chain, seq) > (${p(q.after.receivedAt)}, ${p(q.after.chain)}, ${p(q.after.seq)})`);
  return { where, args };
}
