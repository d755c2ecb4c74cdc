import pg from 'pg';
import { GENESIS_HASH, type NoticeRegistration } from '@consentry/protocol';
import { MIGRATIONS, RECORD_COLUMNS, fromDbRow, rangeWhere, type RecordDbRow } from './schema.js';
import type { AppendOutcome, ChainHead, StorageAdapter, StoredRow } from './types.js';

export interface PostgresStorageOptions {
  connectionString: string;
  /** Schema to keep the tables in (created when missing); tests use one per run. */
  schema?: string;
  poolSize?: number;
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

/**
 * PostgreSQL storage. Durability is PostgreSQL's own: with the default synchronous_commit=on,
 * COMMIT returns after the WAL is flushed. Many server instances may share one database; each
 * appends to its own chain (CONSENTRY_CHAIN), and the chain head row is locked FOR UPDATE so two
 * writers on the same chain serialise instead of forking it.
 */
export function createPostgresStorage(options: PostgresStorageOptions): StorageAdapter {
  const schema = options.schema;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`invalid PostgreSQL schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', (error) => console.error('[consentry-server] PostgreSQL idle client error:', error.message));

  async function inTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  const lockHead = async (client: pg.PoolClient, chain: string) => {
    await client.query(
      'INSERT INTO consentry_chains (chain, seq, hash, base_seq, base_hash) VALUES ($1, 0, $2, 0, $2) ON CONFLICT (chain) DO NOTHING',
      [chain, GENESIS_HASH],
    );
    const { rows } = await client.query<HeadDbRow>('SELECT * FROM consentry_chains WHERE chain = $1 FOR UPDATE', [chain]);
    return rows[0]!;
  };

  async function appendOnce(chain: string, inputs: Parameters<StorageAdapter['append']>[1], seal: Parameters<StorageAdapter['append']>[2]) {
    return inTransaction(async (client) => {
      const h = await lockHead(client, chain);
      const ids = [...new Set(inputs.map((i) => i.record.recordId))];
      const { rows: existingRows } = await client.query<RecordDbRow>(
        `SELECT ${RECORD_COLUMNS} FROM consentry_records WHERE record_id = ANY($1::text[])`,
        [ids],
      );
      const known = new Map(existingRows.map((r) => [r.record_id, fromDbRow(r)]));
      const created: StoredRow[] = [];
      let prev = { seq: Number(h.seq), hash: h.hash };
      const outcomes: AppendOutcome[] = inputs.map((input) => {
        const found = known.get(input.record.recordId);
        if (found) return { status: 'existing', row: found };
        const row = seal(input, chain, prev);
        known.set(row.recordId, row);
        created.push(row);
        prev = { seq: row.seq, hash: row.hash };
        return { status: 'created', row };
      });
      if (created.length > 0) {
        const col = <K extends keyof StoredRow>(k: K) => created.map((r) => r[k]);
        await client.query(
          `INSERT INTO consentry_records (${RECORD_COLUMNS})
           SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])`,
          [col('chain'), col('seq'), col('recordId'), col('consentId'), col('receivedAt'), col('noticeHash'), col('body'), col('hash'), col('signature'), col('keyId')],
        );
        await client.query('UPDATE consentry_chains SET seq = $2, hash = $3 WHERE chain = $1', [chain, prev.seq, prev.hash]);
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
          await client.query(m.sql.replaceAll('{{seq}}', 'BIGINT'));
          await client.query('INSERT INTO consentry_migrations (version, applied_at) VALUES ($1, $2)', [m.version, new Date().toISOString()]);
        }
      });
      return MIGRATIONS.at(-1)!.version;
    },
    async append(chain, inputs, seal) {
      // Another instance may insert the same recordId between our check and our insert:
      // the unique index refuses it, and the retry then finds the stored row.
      for (let attempt = 0; ; attempt++) {
        try {
          return await appendOnce(chain, inputs, seal);
        } catch (error) {
          if ((error as { code?: string }).code !== UNIQUE_VIOLATION || attempt >= 3) throw error;
        }
      }
    },
    async findByRecordId(recordId) {
      return (await records(`SELECT ${RECORD_COLUMNS} FROM consentry_records WHERE record_id = $1`, [recordId]))[0] ?? null;
    },
    listByConsentId: (consentId, limit) =>
      records(`SELECT ${RECORD_COLUMNS} FROM consentry_records WHERE consent_id = $1 ORDER BY received_at, chain, seq LIMIT $2`, [
        consentId,
        limit,
      ]),
    listRange(query) {
      const { where, args } = rangeWhere(query, (n) => `$${n}`);
      args.push(query.limit);
      return records(
        `SELECT ${RECORD_COLUMNS} FROM consentry_records ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY received_at, chain, seq LIMIT $${args.length}`,
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
    async purge(before) {
      const { rows: chains } = await pool.query<{ chain: string }>('SELECT chain FROM consentry_chains ORDER BY chain');
      let removed = 0;
      for (const { chain } of chains) {
        removed += await inTransaction(async (client) => {
          const h = await lockHead(client, chain);
          const first = (await client.query<{ seq: string | null }>(
            'SELECT MIN(seq) AS seq FROM consentry_records WHERE chain = $1 AND received_at >= $2',
            [chain, before],
          )).rows[0]!.seq;
          const upTo = first === null ? Number(h.seq) : Number(first) - 1;
          if (upTo <= Number(h.base_seq)) return 0;
          const { rows } = await client.query<{ hash: string }>('SELECT hash FROM consentry_records WHERE chain = $1 AND seq = $2', [chain, upTo]);
          const del = await client.query('DELETE FROM consentry_records WHERE chain = $1 AND seq <= $2', [chain, upTo]);
          await client.query('UPDATE consentry_chains SET base_seq = $2, base_hash = $3 WHERE chain = $1', [chain, upTo, rows[0]!.hash]);
          return del.rowCount ?? 0;
        });
      }
      return removed;
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
