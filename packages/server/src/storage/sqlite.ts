import Database from 'better-sqlite3';
import { GENESIS_HASH, type NoticeRegistration } from '@consentry/protocol';
import { MIGRATIONS, RECORD_COLUMNS, SCHEMA_VERSION, fromDbRow, rangeWhere, toDbParams, type RecordDbRow } from './schema.js';
import type { AppendOutcome, ChainHead, PublicKeyRow, StorageAdapter, StoredRow } from './types.js';

export interface SqliteStorageOptions {
  /** Database file; created when missing. */
  file: string;
}

interface HeadDbRow {
  chain: string;
  seq: number;
  hash: string;
  base_seq: number;
  base_hash: string;
}

/**
 * SQLite storage. WAL with synchronous=FULL: a commit returns only after the WAL is fsynced,
 * so a 201 survives a power cut, not just a process crash (NORMAL would only survive the latter).
 * The cost is one fsync per transaction, which the group-committing appender amortises.
 */
export function createSqliteStorage(options: SqliteStorageOptions): StorageAdapter {
  const db = new Database(options.file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');

  // Statements are prepared after migrate(), when the tables exist.
  let s: ReturnType<typeof prepare> | null = null;
  const st = () => (s ??= prepare());
  function prepare() {
    return {
      ensureHead: db.prepare(
        `INSERT OR IGNORE INTO consentry_chains (chain, seq, hash, base_seq, base_hash) VALUES (?, 0, '${GENESIS_HASH}', 0, '${GENESIS_HASH}')`,
      ),
      head: db.prepare('SELECT * FROM consentry_chains WHERE chain = ?'),
      setHead: db.prepare('UPDATE consentry_chains SET seq = ?, hash = ? WHERE chain = ?'),
      setBase: db.prepare('UPDATE consentry_chains SET base_seq = ?, base_hash = ? WHERE chain = ?'),
      heads: db.prepare('SELECT * FROM consentry_chains ORDER BY chain'),
      byRecordId: db.prepare(`SELECT ${RECORD_COLUMNS} FROM consentry_records WHERE record_id = ?`),
      byConsentId: db.prepare(
        `SELECT ${RECORD_COLUMNS} FROM consentry_records WHERE consent_id = ? ORDER BY decided_at DESC, chain DESC, seq DESC LIMIT ?`,
      ),
      chain: db.prepare(`SELECT ${RECORD_COLUMNS} FROM consentry_records WHERE chain = ? AND seq > ? ORDER BY seq LIMIT ?`),
      insert: db.prepare(
        `INSERT INTO consentry_records (${RECORD_COLUMNS}) VALUES (@chain, @seq, @recordId, @consentId, @receivedAt, @decidedAt, @noticeHash, @body, @hash, @signature, @keyId, @treeIndex, @treeSize, @treePath)`,
      ),
      putNotice: db.prepare(
        'INSERT OR IGNORE INTO consentry_notices (notice_hash, language, texts, created_at) VALUES (?, ?, ?, ?)',
      ),
      getNotice: db.prepare('SELECT * FROM consentry_notices WHERE notice_hash = ?'),
      hasNotice: db.prepare('SELECT 1 FROM consentry_notices WHERE notice_hash = ?').pluck(),
      putKey: db.prepare('INSERT OR IGNORE INTO consentry_keys (key_id, public_key, created_at) VALUES (?, ?, ?)'),
      keys: db.prepare('SELECT key_id, public_key, created_at FROM consentry_keys ORDER BY created_at, key_id'),
      // Walks the chain from its base: the rows it passes are the ones the purge deletes.
      firstKept: db.prepare('SELECT seq FROM consentry_records WHERE chain = ? AND received_at >= ? ORDER BY seq LIMIT 1'),
      hashAt: db.prepare('SELECT hash FROM consentry_records WHERE chain = ? AND seq = ?'),
      deleteUpTo: db.prepare('DELETE FROM consentry_records WHERE chain = ? AND seq <= ?'),
    };
  }

  const appendTx = db.transaction((chain: string, inputs: Parameters<StorageAdapter['append']>[1], seal: Parameters<StorageAdapter['append']>[2]) => {
    const q = st();
    q.ensureHead.run(chain);
    const h = q.head.get(chain) as HeadDbRow;
    let prev = { seq: h.seq, hash: h.hash };
    const seen = new Map<string, StoredRow>();
    const created: StoredRow[] = [];
    const outcomes: AppendOutcome[] = [];
    for (const input of inputs) {
      const id = input.record.recordId;
      const earlier = seen.get(id);
      const stored = earlier ? undefined : (q.byRecordId.get(id) as RecordDbRow | undefined);
      if (earlier || stored) {
        outcomes.push({ status: 'existing', row: earlier ?? fromDbRow(stored!) });
        continue;
      }
      const row = seal.link(input, chain, prev);
      seen.set(id, row);
      created.push(row);
      prev = { seq: row.seq, hash: row.hash };
      outcomes.push({ status: 'created', row });
    }
    seal.sign(created);
    for (const row of created) q.insert.run(toDbParams(row));
    if (prev.seq !== h.seq) q.setHead.run(prev.seq, prev.hash, chain);
    return outcomes;
  });

  const purgeTx = db.transaction((before: string) => {
    const q = st();
    let removed = 0;
    for (const h of q.heads.all() as HeadDbRow[]) {
      const first = q.firstKept.get(h.chain, before) as { seq: number } | undefined;
      const upTo = first === undefined ? h.seq : first.seq - 1;
      if (upTo <= h.base_seq) continue;
      const { hash } = q.hashAt.get(h.chain, upTo) as { hash: string };
      removed += q.deleteUpTo.run(h.chain, upTo).changes;
      q.setBase.run(upTo, hash, h.chain);
    }
    return removed;
  });

  const batchTx = db.transaction((statements: Parameters<StorageAdapter['sql']['batch']>[0]) =>
    statements.map((x) => db.prepare(x.sql).run(...(x.params ?? [])).changes),
  );

  return {
    kind: 'sqlite',
    sql: {
      async all<T>(sql: string, params: readonly unknown[] = []) {
        return db.prepare(sql).all(...params) as T[];
      },
      async batch(statements) {
        return batchTx.immediate(statements);
      },
    },
    async migrate() {
      db.exec('CREATE TABLE IF NOT EXISTS consentry_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
      for (const m of MIGRATIONS) {
        // Checked inside the write lock, so two processes starting together apply each step once.
        db.transaction(() => {
          if (db.prepare('SELECT 1 FROM consentry_migrations WHERE version = ?').get(m.version)) return;
          for (const part of [m.sql, m.sqlite]) if (part) db.exec(part.replaceAll('{{seq}}', 'INTEGER'));
          db.prepare('INSERT INTO consentry_migrations (version, applied_at) VALUES (?, ?)').run(m.version, new Date().toISOString());
        }).immediate();
      }
      s = null; // statements prepared before a migration may name dropped indexes
      return SCHEMA_VERSION;
    },
    async append(chain, inputs, seal) {
      // IMMEDIATE takes the write lock up front, so two processes never race on the chain head.
      return appendTx.immediate(chain, inputs, seal);
    },
    async findByRecordId(recordId) {
      const r = st().byRecordId.get(recordId) as RecordDbRow | undefined;
      return r ? fromDbRow(r) : null;
    },
    async listByConsentId(consentId, limit) {
      return (st().byConsentId.all(consentId, limit) as RecordDbRow[]).map(fromDbRow).reverse();
    },
    async listRange(query) {
      const { where, args } = rangeWhere(query, () => '?');
      const sql = `SELECT ${RECORD_COLUMNS} FROM consentry_records ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY decided_at, chain, seq LIMIT ?`;
      return (db.prepare(sql).all(...args, query.limit) as RecordDbRow[]).map(fromDbRow);
    },
    async listChain(chain, afterSeq, limit) {
      return (st().chain.all(chain, afterSeq, limit) as RecordDbRow[]).map(fromDbRow);
    },
    async heads() {
      return (st().heads.all() as HeadDbRow[]).map(
        (h): ChainHead => ({ chain: h.chain, seq: h.seq, hash: h.hash, baseSeq: h.base_seq, baseHash: h.base_hash }),
      );
    },
    async putNotice(notice: NoticeRegistration, createdAt) {
      const texts = JSON.stringify(notice.texts);
      return st().putNotice.run(notice.noticeHash, notice.language, texts, createdAt).changes === 1;
    },
    async getNotice(noticeHash) {
      const r = st().getNotice.get(noticeHash) as { notice_hash: string; language: string; texts: string; created_at: string } | undefined;
      return r ? { noticeHash: r.notice_hash, language: r.language, texts: JSON.parse(r.texts) as Record<string, string>, createdAt: r.created_at } : null;
    },
    async knownNotices(hashes) {
      if (hashes.length === 0) return new Set();
      if (hashes.length === 1) return new Set(st().hasNotice.get(hashes[0]) ? hashes : []);
      const rows = db
        .prepare(`SELECT notice_hash FROM consentry_notices WHERE notice_hash IN (${hashes.map(() => '?').join(',')})`)
        .all(...hashes) as { notice_hash: string }[];
      return new Set(rows.map((r) => r.notice_hash));
    },
    async putPublicKey(key: PublicKeyRow) {
      st().putKey.run(key.keyId, key.publicKey, key.createdAt);
    },
    async publicKeys() {
      return (st().keys.all() as { key_id: string; public_key: string; created_at: string }[]).map((r) => ({
        keyId: r.key_id,
        publicKey: r.public_key,
        createdAt: r.created_at,
      }));
    },
    async purge(before) {
      return purgeTx.immediate(before);
    },
    async maintain() {
      // Nothing to prepare ahead of time in SQLite.
    },
    async durability() {
      const synchronous = ['off', 'normal', 'full', 'extra'][db.pragma('synchronous', { simple: true }) as number] ?? 'unknown';
      return { journal_mode: String(db.pragma('journal_mode', { simple: true })), synchronous };
    },
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
