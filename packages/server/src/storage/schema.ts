import { rootFromPath } from '../merkle.js';
import type { RangeQuery, StoredRow } from './types.js';

/**
 * Versioned migrations. Each entry is applied once, in order, inside a transaction, and recorded
 * in consentry_migrations. Never edit a shipped entry; append a new one.
 * `{{seq}}` is the integer type for sequence numbers (INTEGER in SQLite, BIGINT in PostgreSQL).
 * From version 2 the dialects differ (PostgreSQL partitions by month): `sql` is shared, `sqlite`
 * is SQLite only, `postgres` PostgreSQL only (version 2's steps live in postgres.ts); when both
 * are given, `sql` runs first.
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; sql?: string; sqlite?: string; postgres?: string }> = [
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
  {
    // Decision time for ordering a visitor's history; batch Merkle proofs; one index fewer to write.
    version: 2,
    sqlite: `
ALTER TABLE consentry_records ADD COLUMN decided_at TEXT;
ALTER TABLE consentry_records ADD COLUMN tree_index INTEGER;
ALTER TABLE consentry_records ADD COLUMN tree_size INTEGER;
ALTER TABLE consentry_records ADD COLUMN tree_path TEXT;
UPDATE consentry_records SET decided_at = json_extract(body, '$.timestamp');
DROP INDEX consentry_records_consent;
DROP INDEX consentry_records_received;
CREATE INDEX consentry_records_consent ON consentry_records (consent_id, decided_at, chain, seq);
CREATE INDEX consentry_records_decided ON consentry_records (decided_at, chain, seq);`,
  },
  {
    // Decision times stored as instants in one fixed-width form (see decisionInstant), so that
    // ordering by the column is ordering by time; rows written before kept the record's own text.
    version: 3,
    sqlite: `
UPDATE consentry_records SET decided_at = strftime('%Y-%m-%dT%H:%M:%fZ', decided_at)
  WHERE decided_at NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z';`,
    postgres: `
UPDATE consentry_records SET decided_at = to_char(decided_at::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  WHERE decided_at !~ '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$';`,
  },
  {
    // The console (docs/console.md): accounts, sessions, the append-only audit log, sites and their
    // immutable config versions. Triggers refuse any UPDATE or DELETE of the audit log.
    version: 4,
    sql: `
CREATE TABLE consentry_accounts (
  email TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('owner', 'marketer')),
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE consentry_sessions (
  token_hash TEXT PRIMARY KEY,
  email TEXT NOT NULL REFERENCES consentry_accounts (email) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE TABLE consentry_sites (
  site TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  draft TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE consentry_config_versions (
  site TEXT NOT NULL REFERENCES consentry_sites (site),
  version INTEGER NOT NULL,
  config TEXT NOT NULL,
  etag TEXT NOT NULL,
  notice_hashes TEXT NOT NULL,
  published_by TEXT NOT NULL,
  published_at TEXT NOT NULL,
  PRIMARY KEY (site, version)
);`,
    sqlite: `
CREATE TABLE consentry_audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE TRIGGER consentry_audit_no_update BEFORE UPDATE ON consentry_audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER consentry_audit_no_delete BEFORE DELETE ON consentry_audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER consentry_versions_no_update BEFORE UPDATE ON consentry_config_versions BEGIN SELECT RAISE(ABORT, 'published versions are immutable'); END;`,
    postgres: `
CREATE TABLE consentry_audit (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE FUNCTION consentry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$;
CREATE TRIGGER consentry_audit_append_only BEFORE UPDATE OR DELETE ON consentry_audit FOR EACH ROW EXECUTE FUNCTION consentry_refuse_change();
CREATE TRIGGER consentry_versions_immutable BEFORE UPDATE ON consentry_config_versions FOR EACH ROW EXECUTE FUNCTION consentry_refuse_change();`,
  },
];

export const SCHEMA_VERSION = 4;

export const RECORD_COLUMNS =
  'chain, seq, record_id, consent_id, received_at, decided_at, notice_hash, body, hash, signature, key_id, tree_index, tree_size, tree_path';

export interface RecordDbRow {
  chain: string;
  seq: number | string | bigint;
  record_id: string;
  consent_id: string;
  received_at: string;
  decided_at: string;
  notice_hash: string;
  body: string;
  hash: string;
  signature: string;
  key_id: string;
  tree_index: number | string | null;
  tree_size: number | string | null;
  /** The audit path's nodes as one hex string (64 digits each). */
  tree_path: string | null;
}

export function fromDbRow(r: RecordDbRow): StoredRow {
  return {
    chain: r.chain,
    seq: Number(r.seq),
    recordId: r.record_id,
    consentId: r.consent_id,
    receivedAt: r.received_at,
    decidedAt: r.decided_at,
    noticeHash: r.notice_hash,
    body: r.body,
    hash: r.hash,
    signature: r.signature,
    keyId: r.key_id,
    tree: r.tree_size === null ? null : treeOf(r.hash, Number(r.tree_index), Number(r.tree_size), r.tree_path ?? ''),
  };
}

/** The stored audit path, with the root it leads to (recomputed: only the signature vouches for it). */
function treeOf(hash: string, index: number, size: number, pathHex: string): NonNullable<StoredRow['tree']> {
  const path = pathHex.match(/[0-9a-f]{64}/g) ?? [];
  let root = '';
  if (/^[0-9a-f]{64}$/.test(hash)) {
    root = rootFromPath(Buffer.from(hash, 'hex'), index, size, path.map((p) => Buffer.from(p, 'hex')))?.toString('hex') ?? '';
  }
  return { index, size, root, path };
}

/** A row as named parameters for an INSERT of RECORD_COLUMNS. */
export function toDbParams(row: StoredRow) {
  return {
    chain: row.chain,
    seq: row.seq,
    recordId: row.recordId,
    consentId: row.consentId,
    receivedAt: row.receivedAt,
    decidedAt: row.decidedAt,
    noticeHash: row.noticeHash,
    body: row.body,
    hash: row.hash,
    signature: row.signature,
    keyId: row.keyId,
    treeIndex: row.tree?.index ?? null,
    treeSize: row.tree?.size ?? null,
    treePath: row.tree ? row.tree.path.join('') : null,
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
  if (q.from !== undefined) where.push(`decided_at >= ${p(q.from)}`);
  if (q.to !== undefined) where.push(`decided_at < ${p(q.to)}`);
  if (q.after) where.push(`(decided_at, chain, seq) > (${p(q.after.decidedAt)}, ${p(q.after.chain)}, ${p(q.after.seq)})`);
  return { where, args };
}
