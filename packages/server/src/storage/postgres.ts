import pg from 'pg';
import { GENESIS_HASH, type NoticeRegistration } from '@consentry/protocol';
import { MIGRATIONS, RECORD_COLUMNS, SCHEMA_VERSION, fromDbRow, rangeWhere, toDbParams, type RecordDbRow } from './schema.js';
import { createPartition, dropPartitionsBefore, migrateToPartitions, nextMonth } from './postgres-partitions.js';
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
  // pg-pool listens for a client's `error` only while it is idle or inside pool.query: a backend
  // terminated at any other moment (failover, PgBouncer restart, pg_terminate_backend) would emit
  // `error` with no listener and end the process. Every client gets a listener for its whole life;
  // the failed query still fails (503), and the pool discards a client that is no longer queryable.
  pool.on('connect', (client) => client.on('error', () => undefined));

  const BEGIN = "BEGIN; SELECT set_config('synchronous_commit', CASE WHEN current_setting('synchronous_commit') = 'off' THEN 'on' ELSE current_setting('synchronous_commit') END, true)";

  async function inTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken: unknown;
    // pg-pool drops its idle `error` listener while a client is checked out: a backend terminated
    // between two of our queries (failover, PgBouncer restart, pg_terminate_backend) would emit
    // `error` with no listener and end the process. Catch it; the transaction then fails (503) and
    // the client is discarded on release, so the pool reconnects.
    const onError = (error: Error) => (broken ??= error);
    client.on('error', onError);
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
      client.off('error', onError);
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

  // `?` placeholders (the console's SQL is written once for both dialects) to PostgreSQL's `$n`.
  const numbered = (sql: string) => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  };

  return {
    kind: 'postgres',
    sql: {
      async all<T>(sql: string, params: readonly unknown[] = []) {
        return (await pool.query(numbered(sql), [...params])).rows as T[];
      },
      batch: (statements) =>
        inTransaction(async (client) => {
          const counts: number[] = [];
          for (const x of statements) counts.push((await client.query(numbered(x.sql), [...(x.params ?? [])])).rowCount ?? 0);
          return counts;
        }),
    },
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
          else for (const part of [m.sql, m.postgres]) if (part) await client.query(part.replaceAll('{{seq}}', 'BIGINT'));
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
    // The newest `limit` (the decisions in force), returned oldest first.
    listByConsentId: async (consentId, limit) =>
      (
        await records(`SELECT ${RECORD_COLUMNS} FROM consentry_records WHERE consent_id = $1 ORDER BY decided_at DESC, chain DESC, seq DESC LIMIT $2`, [
          consentId,
          limit,
        ])
      ).reverse(),
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
    purge: (before) => inTransaction((client) => dropPartitionsBefore(client, before)),
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
