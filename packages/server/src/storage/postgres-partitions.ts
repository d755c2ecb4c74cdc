import type pg from 'pg';
import { RECORD_COLUMNS } from './schema.js';

/*
 * PostgreSQL's monthly partitions of consentry_records: the version-2 migration into them,
 * creating months ahead, and retention by dropping whole months.
 */

interface HeadRow {
  chain: string;
  seq: string;
  base_seq: string;
}

/** `2026-11` → `2026-12`. */
export function nextMonth(month: string): string {
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
export async function migrateToPartitions(client: pg.PoolClient): Promise<void> {
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

export async function createPartition(client: pg.ClientBase, month: string): Promise<void> {
  if (!/^\d{4}-\d{2}$/.test(month)) throw new Error(`not a month: ${month}`);
  await client.query(
    `CREATE TABLE IF NOT EXISTS ${partitionName(month)} PARTITION OF consentry_records FOR VALUES FROM ('${month}') TO ('${nextMonth(month)}')`,
  );
}

/**
 * Retention: each chain loses its prefix received before the boundary (the end of the last whole
 * month before `before`); the prefix's last record becomes the chain's base, so the rest still
 * verifies. When a writer's clock went back (an NTP step, a bad RTC), an old month can hold records
 * that come after newer ones in their chain: those stay (the chain is only ever cut at a prefix),
 * and so does their partition, until the prefix reaches them. Otherwise whole months are dropped.
 * Runs inside the caller's transaction; returns how many records went.
 */
export async function dropPartitionsBefore(client: pg.ClientBase, before: string): Promise<number> {
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
  const { rows: heads } = await client.query<HeadRow>('SELECT * FROM consentry_chains ORDER BY chain FOR UPDATE');
  let removed = 0;
  let wholeMonths = true;
  const cuts: Array<{ chain: string; from: number; upTo: number; hash: string }> = [];
  for (const h of heads) {
    const { rows } = await client.query<{ n: string; kept: string | null }>(
      `SELECT (SELECT count(*) FROM consentry_records WHERE chain = $1 AND received_at < $2) AS n,
              (SELECT min(seq) FROM consentry_records WHERE chain = $1 AND received_at >= $2) AS kept`,
      [h.chain, boundary],
    );
    const n = Number(rows[0]!.n);
    if (n === 0) continue;
    const base = Number(h.base_seq);
    const upTo = rows[0]!.kept === null ? Number(h.seq) : Number(rows[0]!.kept) - 1;
    if (upTo - base !== n) wholeMonths = false; // some old records come after a newer one: they stay
    if (upTo <= base) continue;
    const { rows: at } = await client.query<{ hash: string }>('SELECT hash FROM consentry_records WHERE chain = $1 AND seq = $2', [h.chain, upTo]);
    cuts.push({ chain: h.chain, from: base, upTo, hash: at[0]!.hash });
    removed += upTo - base;
  }
  for (const c of cuts) {
    await client.query('UPDATE consentry_chains SET base_seq = $2, base_hash = $3 WHERE chain = $1', [c.chain, c.upTo, c.hash]);
  }
  if (wholeMonths) {
    await client.query('DELETE FROM consentry_record_ids WHERE received_at < $1', [boundary]);
    for (const p of droppable) await client.query(`DROP TABLE ${p.name}`);
    return removed;
  }
  console.error(
    `[consentry-server] retention: some records received before ${boundary} follow newer ones in their chain (a server clock went back); they are kept, with their months, until the records before them are purged`,
  );
  for (const c of cuts) {
    await client.query(
      `WITH gone AS (DELETE FROM consentry_records WHERE chain = $1 AND seq > $2 AND seq <= $3 RETURNING record_id)
       DELETE FROM consentry_record_ids WHERE record_id IN (SELECT record_id FROM gone)`,
      [c.chain, c.from, c.upTo],
    );
  }
  for (const p of droppable) {
    const { rows } = await client.query<{ used: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${p.name}) AS used`);
    if (!rows[0]!.used) await client.query(`DROP TABLE ${p.name}`);
  }
  return removed;
}
