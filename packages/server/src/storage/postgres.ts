import pg from 'pg';
import { GENESIS_HASH, type NoticeRegistration } from '@consentry/protocol';
import { MIGRATIONS, RECORD_COLUMNS, SCHEMA_VERSION, fromDbRow, rangeWhere, toDbParams, type RecordDbRow } from './schema.js';
import type { AppendOutcome, ChainHead, StorageAdapter, StoredRow } from './types.js';

export interface PostgresStorageOptions {
  connectionString: string;
  /** Schema to keep the tables in (created when missing); tests use one per run. */
  schema?: string;
  poolSize?: number;
  /** Monthly partitions created ahead of the current month (default 3). */
  monthsAhead?: number;
}

interface HeadDbRow {
  chain: string;
  seq: string;
  hash: string;
  base_seq: string;
  base_hash: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const UNIQUE_VIOLATION = '23505';
const CHECK_VIOLATION = '23514'; // also "no partition of relation ... found for row"

// The batch's writes in one statement (one round trip): record ids, records, the new chain head.
// Rows travel as one JSON parameter: JSON.stringify is native, where array parameters are
// escaped element by element in JavaScript (a CPU profile showed it). A recordId stored meanwhile
// by another instance fails the whole statement (unique violation), and the caller retries.
const RECORD_TYPES =
  'chain text, seq bigint, record_id text, consent_id text, received_at text, decided_at text, notice_hash text, body text, hash text, signature text, key_id text, tree_index integer, tree_size integer, tree_path text';
const writeBatch = `WITH batch AS MATERIALIZED (SELECT * FROM json_to_recordset($1::json) AS x(${RECORD_TYPES})),
ids AS (INSERT INTO consentry_record_ids (record_id, chain, seq, received_at) SELECT record_id, chain, seq, received_at FROM batch),
recs AS (INSERT INTO consentry_records (${RECORD_COLUMNS}) SELECT ${RECORD_COLUMNS} FROM batch)
UPDATE consentry_chains SET seq = $3, hash = $4 WHERE chain = $2`;

/** `2026-11` → `2026-12`. */
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
const partitionName = (month: string) => `consentry_records_y${month.replace('-', 'm')}`;
const PARTITION = /^consentry_records_y(\d{4})m(\d{2})$/;

/**
 * Version 2 for PostgreSQL: consentry_records becomes a table partitioned by month of `received_at`
 * (declarative RANGE partitioning; text in "C" collation, so ISO dates compare as they sort), and
 * recordId uniqueness moves to consentry_record_ids, because a unique index on a partitioned table
 * must contain the partition key. Existing rows are copied into their months' partitions.
 */
async function migrateToPartitions(client: pg.PoolClient): Promise<void> {
  await client.query(`
ALTER TABLE consentry_records RENAME TO consentry_records_v1;
ALTER TABLE consentry_records_v1 RENAME CONSTRAINT consentry_records_pkey TO consentry_records_v1_pkey;
ALTER TABLE consentry_records_v1 RENAME CONSTRAINT consentry_records_record_id_key TO consentry_records_v1_record_id_key;
ALTER INDEX consentry_records_consent RENAME TO consentry_records_v1_consent;
ALTER INDEX consentry_records_received RENAME TO consentry_records_v1_received;
CREATE TABLE consentry_records (
  chain TEXT NOT NULL,
  seq BIGINT NOT NULL,
  record_id TEXT NOT NULL,
  consent_id TEXT NOT NULL,
  received_at TEXT COLLATE "C" NOT NULL,
  decided_at TEXT COLLATE "C" NOT NULL,
  notice_hash TEXT NOT NULL,
  body TEXT NOT NULL,
  hash TEXT NOT NULL,
  signature TEXT NOT NULL,
  key_id TEXT NOT NULL,
  tree_index INTEGER,
  tree_size INTEGER,
  tree_path TEXT,
  CONSTRAINT consentry_records_pkey PRIMARY KEY (chain, seq, received_at)
) PARTITION BY RANGE (received_at);
CREATE INDEX consentry_records_consent ON consentry_records (consent_id, decided_at, chain, seq);
CREATE INDEX consentry_records_decided ON consentry_records (decided_at, chain, seq);
CREATE TABLE consentry_record_ids (
  record_id TEXT PRIMARY KEY,
  chain TEXT NOT NULL,
  seq BIGINT NOT NULL,
  received_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX consentry_record_ids_received ON consentry_record_ids (received_at);`);
  const { rows } = await client.query<{ month: string }>('SELECT DISTINCT substr(received_at, 1, 7) AS month FROM consentry_records_v1');
  for (const { month } of rows) await createPartition(client, month);
  await client.query(`
INSERT INTO consentry_records (${RECORD_COLUMNS})
  SELECT chain, seq, record_id, consent_id, received_at, (body::json)->>'timestamp', notice_hash, body, hash, signature, key_id, NULL, NULL, NULL
  FROM consentry_records_v1;
INSERT INTO consentry_record_ids (record_id, chain, seq, received_at) SELECT record_id, chain, seq, received_at FROM consentry_records_v1;
DROP TABLE consentry_records_v1;`);
}

async function createPartition(client: pg.ClientBase, month: string): Promise<void> {
  if (!/^\d{4}-\d{2}$/.test(month)) throw new Error(`not a month: ${month}`);
  await client.query(
    `CREATE TABLE IF NOT EXISTS ${partitionName(month)} PARTITION OF consentry_records FOR VALUES FROM ('${month}') TO ('${nextMonth(month)}')`,
  );
}

/**
 * PostgreSQL storage. Durability does not depend on the server's configuration: every write
 * transaction raises `synchronous_commit` to `on` when the server or role has it `off`, so COMMIT
 * returns only after the WAL is flushed. Many server instances may share one database; each
 * appends to its own chain (CONSENTRY_CHAIN), and the chain head row is locked FOR UPDATE so two
 * writers on the same chain serialise instead of forking it.
 */
export function createPostgresStorage(options: PostgresStorageOptions): StorageAdapter {
  const schema = options.schema;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`invalid PostgreSQL schema name: ${schema}`);
  const monthsAhead = options.monthsAhead ?? 3;
  // The connection string's `?options=` would override `options` given beside it: merge them.
  const url = new URL(options.connectionString);
  const pgOptions = [url.searchParams.get('options'), schema ? `-c search_path=${schema}` : null].filter(Boolean).join(' ');
  url.searchParams.delete('options');
  const pool = new pg.Pool({
    connectionString: url.toString(),
    max: options.poolSize ?? 10,
    ...(pgOptions ? { options: pgOptions } : {}),
  });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', (error) => console.error('[consentry-server] PostgreSQL idle client error:', error.message));

  const BEGIN = "BEGIN; SELECT set_config('synchronous_commit', CASE WHEN current_setting('synchronous_commit') = 'off' THEN 'on' ELSE current_setting('synchronous_commit') END, true)";

  async function inTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken: unknown;
    try {
      await client.query(BEGIN);
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        // The connection may still be inside the failed transaction: never hand it to the next caller.
        broken = rollbackError;
      }
      throw error;
    } finally {
      client.release(broken instanceof Error ? broken : broken === undefined ? undefined : new Error(String(broken)));
    }
  }

  const knownChains = new Set<string>();
  const lockHead = async (client: pg.PoolClient, chain: string): Promise<HeadDbRow> => {
    if (!knownChains.has(chain)) {
      await client.query(
        'INSERT INTO consentry_chains (chain, seq, hash, base_seq, base_hash) VALUES ($1, 0, $2, 0, $2) ON CONFLICT (chain) DO NOTHING',
        [chain, GENESIS_HASH],
      );
    }
    const { rows } = await client.query<HeadDbRow>('SELECT * FROM consentry_chains WHERE chain = $1 FOR UPDATE', [chain]);
    if (rows[0]) knownChains.add(chain);
    else knownChains.delete(chain);
    return rows[0] ?? lockHead(client, chain);
  };

  async function ensurePartitions(client: pg.ClientBase, from: Date): Promise<void> {
    // One creator at a time: concurrent CREATE ... PARTITION OF can collide in the catalog.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('consentry_partitions'))");
    let month = from.toISOString().slice(0, 7);
    for (let i = 0; i <= monthsAhead; i++, month = nextMonth(month)) await createPartition(client, month);
  }

  async function appendOnce(chain: string, inputs: Parameters<StorageAdapter['append']>[1], seal: Parameters<StorageAdapter['append']>[2]) {
    return inTransaction(async (client) => {
      const h = await lockHead(client, chain);
      const ids = [...new Set(inputs.map((i) => i.record.recordId))];
      const { rows: existingRows } = await client.query<RecordDbRow>(
        `SELECT ${RECORD_COLUMNS.split(', ').map((c) => `r.${c}`).join(', ')}
         FROM consentry_record_ids i JOIN consentry_records r ON r.chain = i.chain AND r.seq = i.seq AND r.received_at = i.received_at
         WHERE i.record_id = ANY($1::text[])`,
        [ids],
      );
      const known = new Map(existingRows.map((r) => [r.record_id, fromDbRow(r)]));
      const created: StoredRow[] = [];
      let prev = { seq: Number(h.seq), hash: h.hash };
      const outcomes: AppendOutcome[] = inputs.map((input) => {
        const found = known.get(input.record.recordId);
        if (found) return { status: 'existing', row: found };
        const row = seal.link(input, chain, prev);
        known.set(row.recordId, row);
        created.push(row);
        prev = { seq: row.seq, hash: row.hash };
        return { status: 'created', row };
      });
      if (created.length > 0) {
        seal.sign(created);
        const rows = created.map((r) => {
          const p = toDbParams(r);
          return {
            chain: p.chain, seq: p.seq, record_id: p.recordId, consent_id: p.consentId, received_at: p.receivedAt, decided_at: p.decidedAt,
            notice_hash: p.noticeHash, body: p.body, hash: p.hash, signature: p.signature, key_id: p.keyId,
            tree_index: p.treeIndex, tree_size: p.treeSize, tree_path: p.treePath,
          };
        });
        await client.query(writeBatch, [JSON.stringify(rows), chain, prev.seq, prev.hash]);
      }
      return outcomes;
    });
  }

  const records = async (sql: string, args: unknown[]) => (await pool.query<RecordDbRow>(sql, args)).rows.map(fromDbRow);

  return {
    kind: 'postgres',
    async migrate() {
      if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await inTransaction(async (client) => {
        // One migrator at a time when several instances start together.
        await client.query("SELECT pg_advisory_xact_lock(hashtext('consentry_migrate'))");
        await client.query('CREATE TABLE IF NOT EXISTS consentry_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
        const { rows } = await client.query<{ version: number }>('SELECT version FROM consentry_migrations');
        const done = new Set(rows.map((r) => r.version));
        for (const m of MIGRATIONS) {
          if (done.has(m.version)) continue;
          if (m.version === 2) await migrateToPartitions(client);
          else if (m.sql) await client.query(m.sql.replaceAll('{{seq}}', 'BIGINT'));
          await client.query('INSERT INTO consentry_migrations (version, applied_at) VALUES ($1, $2)', [m.version, new Date().toISOString()]);
        }
      });
      await this.maintain();
      return SCHEMA_VERSION;
    },
    async maintain() {
      await inTransaction((client) => ensurePartitions(client, new Date()));
    },
    async durability() {
      // What a write transaction runs with, whatever the server default is.
      return inTransaction(async (client) => {
        const { rows } = await client.query<{ synchronous_commit: string; fsync: string }>(
          "SELECT current_setting('synchronous_commit') AS synchronous_commit, current_setting('fsync') AS fsync",
        );
        return { ...rows[0]! };
      });
    },
    async append(chain, inputs, seal) {
      for (let attempt = 0; ; attempt++) {
        try {
          return await appendOnce(chain, inputs, seal);
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (attempt >= 3) throw error;
          if (code === CHECK_VIOLATION && /no partition/.test((error as Error).message)) {
            // The month's partition is missing (the daily maintenance did not run): create it, retry.
            await inTransaction((client) => ensurePartitions(client, new Date(Date.parse(inputs[0]!.receivedAt))));
            continue;
          }
          // Another instance may insert the same recordId between our check and our insert:
          // the unique index refuses it, and the retry then finds the stored row.
          if (code !== UNIQUE_VIOLATION) throw error;
        }
      }
    },
    async findByRecordId(recordId) {
      const rows = await records(
        `SELECT ${RECORD_COLUMNS.split(', ').map((c) => `r.${c}`).join(', ')}
         FROM consentry_record_ids i JOIN consentry_records r ON r.chain = i.chain AND r.seq = i.seq AND r.received_at = i.received_at
         WHERE i.record_id = $1`,
        [recordId],
      );
      return rows[0] ?? null;
    },
    listByConsentId: (consentId, limit) =>
      records(`SELECT ${RECORD_COLUMNS} FROM consentry_records WHERE consent_id = $1 ORDER BY decided_at, chain, seq LIMIT $2`, [
        consentId,
        limit,
      ]),
    listRange(query) {
      const { where, args } = rangeWhere(query, (n) => `$${n}`);
      args.push(query.limit);
      return records(
        `SELECT ${RECORD_COLUMNS} FROM consentry_records ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY decided_at, chain, seq LIMIT $${args.length}`,
        args,
      );
    },
    listChain: (chain, afterSeq, limit) =>
      records(`SELECT ${RECORD_COLUMNS} FROM consentry_records WHERE chain = $1 AND seq > $2 ORDER BY seq LIMIT $3`, [chain, afterSeq, limit]),
    async heads() {
      const { rows } = await pool.query<HeadDbRow>('SELECT * FROM consentry_chains ORDER BY chain');
      return rows.map((h): ChainHead => ({ chain: h.chain, seq: Number(h.seq), hash: h.hash, baseSeq: Number(h.base_seq), baseHash: h.base_hash }));
    },
    async putNotice(notice: NoticeRegistration, createdAt) {
      const r = await pool.query(
        'INSERT INTO consentry_notices (notice_hash, language, texts, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (notice_hash) DO NOTHING',
        [notice.noticeHash, notice.language, JSON.stringify(notice.texts), createdAt],
      );
      return r.rowCount === 1;
    },
    async getNotice(noticeHash) {
      const { rows } = await pool.query<{ notice_hash: string; language: string; texts: string; created_at: string }>(
        'SELECT * FROM consentry_notices WHERE notice_hash = $1',
        [noticeHash],
      );
      const r = rows[0];
      return r ? { noticeHash: r.notice_hash, language: r.language, texts: JSON.parse(r.texts) as Record<string, string>, createdAt: r.created_at } : null;
    },
    async knownNotices(hashes) {
      if (hashes.length === 0) return new Set();
      const { rows } = await pool.query<{ notice_hash: string }>(
        'SELECT notice_hash FROM consentry_notices WHERE notice_hash = ANY($1::text[])',
        [[...hashes]],
      );
      return new Set(rows.map((r) => r.notice_hash));
    },
    async putPublicKey(key) {
      await pool.query('INSERT INTO consentry_keys (key_id, public_key, created_at) VALUES ($1, $2, $3) ON CONFLICT (key_id) DO NOTHING', [
        key.keyId,
        key.publicKey,
        key.createdAt,
      ]);
    },
    async publicKeys() {
      const { rows } = await pool.query<{ key_id: string; public_key: string; created_at: string }>(
        'SELECT key_id, public_key, created_at FROM consentry_keys ORDER BY created_at, key_id',
      );
      return rows.map((r) => ({ keyId: r.key_id, publicKey: r.public_key, createdAt: r.created_at }));
    },
    /**
     * Drops every monthly partition that ends on or before `before`. Each chain loses a prefix (a
     * writer's receivedAt only grows), whose last record becomes the chain's base, so the rest still
     * verifies. A chain whose old rows are not a prefix (a clock that went back) stops the purge.
     */
    async purge(before) {
      return inTransaction(async (client) => {
        const { rows: parts } = await client.query<{ name: string }>(
          `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
           WHERE i.inhparent = 'consentry_records'::regclass ORDER BY c.relname`,
        );
        const droppable = parts
          .map((p) => ({ name: p.name, m: PARTITION.exec(p.name) }))
          .filter((p): p is { name: string; m: RegExpExecArray } => p.m !== null)
          .map((p) => ({ name: p.name, end: nextMonth(`${p.m[1]}-${p.m[2]}`) }))
          .filter((p) => p.end <= before.slice(0, 7) || `${p.end}-01T00:00:00.000Z` <= before);
        if (droppable.length === 0) return 0;
        const boundary = droppable.map((p) => p.end).sort().at(-1)!;
        const { rows: heads } = await client.query<HeadDbRow>('SELECT * FROM consentry_chains ORDER BY chain FOR UPDATE');
        let removed = 0;
        const bases: [string, number, string][] = [];
        for (const h of heads) {
          const { rows } = await client.query<{ n: string; last: string | null }>(
            'SELECT count(*) AS n, max(seq) AS last FROM consentry_records WHERE chain = $1 AND received_at < $2',
            [h.chain, boundary],
          );
          const n = Number(rows[0]!.n);
          if (n === 0) continue;
          const upTo = Number(rows[0]!.last);
          if (upTo - Number(h.base_seq) !== n) {
            throw new Error(`purge stopped: chain ${h.chain} has records before ${boundary} that are not a prefix of the chain (receivedAt went back)`);
          }
          const { rows: at } = await client.query<{ hash: string }>('SELECT hash FROM consentry_records WHERE chain = $1 AND seq = $2', [h.chain, upTo]);
          bases.push([h.chain, upTo, at[0]!.hash]);
          removed += n;
        }
        for (const [chain, seq, hash] of bases) {
          await client.query('UPDATE consentry_chains SET base_seq = $2, base_hash = $3 WHERE chain = $1', [chain, seq, hash]);
        }
        await client.query('DELETE FROM consentry_record_ids WHERE received_at < $1', [boundary]);
        for (const p of droppable) await client.query(`DROP TABLE ${p.name}`);
        return removed;
      });
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
  };
}

/** Drops a schema and everything in it; for test clean-up. */
export async function dropPostgresSchema(connectionString: string, schema: string): Promise<void> {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid PostgreSQL schema name: ${schema}`);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
