// Issue 19: the server survives what production does to its database. Real PostgreSQL (a schema
// and application_name of our own, so only this test's backends are terminated) and a real SQLite file.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSealer } from './seal.js';
import { createPostgresStorage, dropPostgresSchema } from './storage/postgres.js';
import { createSqliteStorage } from './storage/sqlite.js';
import type { StorageAdapter } from './storage/types.js';
import { buildServer, cli, startChild } from './test-utils/child-server.js';
import { makeRecord, makeSigningKey, sleep, tempDir } from './test-utils/fixtures.js';
import { postgresForTests, uniqueSchema } from './test-utils/postgres.js';
import { verifyStorage } from './verify.js';

beforeAll(buildServer, 120_000);
const pgUrl = await postgresForTests();
const skipped = pgUrl ? '' : ' (skipped: PostgreSQL not reachable; CONSENTRY_REQUIRE_PG=1 makes it fail)';
const key = makeSigningKey();
const seal = createSealer(key);

/** A schema of our own, and the server's URL into it (tagged with application_name = schema). */
async function pgSchema(): Promise<{ schema: string; url: string }> {
  const schema = uniqueSchema();
  const admin = new pg.Client({ connectionString: pgUrl! });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const u = new URL(pgUrl!);
  u.searchParams.set('options', `-c search_path=${schema}`);
  u.searchParams.set('application_name', schema);
  return { schema, url: u.toString() };
}

/** Appends one record received at `receivedAt` (what a server whose clock said so would store). */
const appendAt = async (storage: StorageAdapter, receivedAt: string) => {
  const [outcome] = await storage.append('main', [{ record: makeRecord(), receivedAt, ip: null }], seal);
  return outcome!.row;
};

describe('the database under faults', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it.skipIf(!pgUrl)(`PostgreSQL: backends terminated every 150 ms under 8 writers: the server answers 503, reconnects and keeps serving; nothing acknowledged is lost${skipped}`, { timeout: 120_000 }, async () => {
    const { schema, url } = await pgSchema();
    const env = { CONSENTRY_DATA_DIR: join(tmp.dir, 'terminate'), CONSENTRY_RATE_LIMIT: '0', DATABASE_URL: url, CONSENTRY_RETENTION_DAYS: '0' };
    const server = await startChild(env);
    let exit: string | null = null;
    server.child.once('exit', (code, signal) => (exit = `exited ${code ?? signal}`));
    const acked: string[] = [];
    const statuses = new Map<number, number>();
    let writing = true;
    const post = () => fetch(`${server.url}/v1/consents`, { method: 'POST', body: JSON.stringify(makeRecord()) });
    const writer = async () => {
      while (writing && exit === null) {
        const record = makeRecord();
        try {
          const res = await fetch(`${server.url}/v1/consents`, { method: 'POST', body: JSON.stringify(record) });
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status === 201) acked.push(record.recordId);
          await res.arrayBuffer();
        } catch {
          statuses.set(0, (statuses.get(0) ?? 0) + 1);
        }
      }
    };
    const admin = new pg.Client({ connectionString: pgUrl! });
    await admin.connect();
    try {
      const writers = Array.from({ length: 8 }, writer);
      let terminated = 0;
      for (let round = 0; round < 30 && exit === null; round++) {
        const { rowCount } = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()', [schema]);
        terminated += rowCount ?? 0;
        await sleep(150);
      }
      writing = false;
      await Promise.all(writers);
      expect(exit, server.output().slice(-4000)).toBeNull();
      expect(terminated).toBeGreaterThan(0);
      expect(statuses.get(503) ?? 0, JSON.stringify([...statuses])).toBeGreaterThan(0); // writes really failed
      expect(statuses.get(0) ?? 0).toBe(0); // no connection to the server itself was lost
      // Serving again once the database is left alone.
      await expect.poll(async () => (await post()).status, { timeout: 15_000 }).toBe(201);
      expect(exit).toBeNull();
    } finally {
      await admin.end();
      if (server.child.exitCode === null) await new Promise((r) => (server.child.once('exit', r), server.child.kill('SIGTERM')));
    }
    const storage = createPostgresStorage({ connectionString: pgUrl!, schema });
    try {
      for (const id of acked) expect((await storage.findByRecordId(id))?.recordId).toBe(id);
      expect((await verifyStorage(storage)).ok).toBe(true);
    } finally {
      await storage.close();
      await dropPostgresSchema(pgUrl!, schema);
    }
  });

  it.skipIf(!pgUrl)(`PostgreSQL: retention purges a chain whose receivedAt went back (clock stepped back) by chain prefix, keeping it verifiable${skipped}`, async () => {
    const { schema } = await pgSchema();
    const storage = createPostgresStorage({ connectionString: pgUrl!, schema });
    try {
      await storage.migrate();
      const r1 = await appendAt(storage, '2026-01-10T10:00:00.000Z');
      const r2 = await appendAt(storage, '2026-03-05T10:00:00.000Z');
      const r3 = await appendAt(storage, '2026-02-10T10:00:00.000Z'); // the clock ran a month behind
      const r4 = await appendAt(storage, '2026-03-06T10:00:00.000Z');
      const extra = new Map([[key.keyId, key.publicKey]]);

      // Before March: only r1 is a prefix; r3 (February) follows r2 in the chain and stays.
      expect(await storage.purge('2026-03-01T00:00:00.000Z')).toBe(1);
      expect(await storage.findByRecordId(r1.recordId)).toBeNull();
      for (const r of [r2, r3, r4]) expect((await storage.findByRecordId(r.recordId))?.seq).toBe(r.seq);
      expect(await verifyStorage(storage, extra)).toMatchObject({ ok: true });
      expect((await storage.heads())[0]).toMatchObject({ baseSeq: 1, baseHash: r1.hash, seq: 4 });

      // Before April: the rest is a prefix now, and whole months go.
      expect(await storage.purge('2026-04-01T00:00:00.000Z')).toBe(3);
      for (const r of [r2, r3, r4]) expect(await storage.findByRecordId(r.recordId)).toBeNull();
      expect(await verifyStorage(storage, extra)).toMatchObject({ ok: true });
      const next = await appendAt(storage, new Date().toISOString());
      expect(next.seq).toBe(5);
      expect(await verifyStorage(storage, extra)).toMatchObject({ ok: true });
    } finally {
      await storage.close();
      await dropPostgresSchema(pgUrl!, schema);
    }
  });

  it.skipIf(!pgUrl)(`PostgreSQL: a server starts and serves on such a database with retention on${skipped}`, { timeout: 60_000 }, async () => {
    const { schema, url } = await pgSchema();
    const storage = createPostgresStorage({ connectionString: pgUrl!, schema });
    await storage.migrate();
    await storage.putPublicKey({ keyId: key.keyId, publicKey: key.publicKeyRaw, createdAt: new Date().toISOString() });
    const old = await appendAt(storage, '2026-01-10T10:00:00.000Z');
    const recent = new Date(Date.now() - 86_400_000).toISOString();
    await appendAt(storage, recent);
    await appendAt(storage, '2026-02-10T10:00:00.000Z'); // received "in February" after a recent one
    await storage.close();
    const env = { CONSENTRY_DATA_DIR: join(tmp.dir, 'retention-pg'), CONSENTRY_RATE_LIMIT: '0', DATABASE_URL: url, CONSENTRY_RETENTION_DAYS: '200' };
    const server = await startChild(env);
    try {
      const res = await fetch(`${server.url}/v1/consents`, { method: 'POST', body: JSON.stringify(makeRecord()) });
      expect(res.status).toBe(201);
    } finally {
      await new Promise((r) => (server.child.once('exit', r), server.child.kill('SIGTERM')));
    }
    const after = createPostgresStorage({ connectionString: pgUrl!, schema });
    try {
      expect(await after.findByRecordId(old.recordId)).toBeNull();
      expect((await after.heads())[0]).toMatchObject({ baseSeq: 1, seq: 4 });
    } finally {
      await after.close();
    }
    expect((await cli(['verify'], env)).stdout).toMatch(/^ok: /);
    await dropPostgresSchema(pgUrl!, schema);
  });

  it('SQLite: a retention sweep that fails (deletes refused) is logged loudly; the server still starts and serves', { timeout: 60_000 }, async () => {
    const dataDir = join(tmp.dir, 'retention-sqlite');
    const file = join(dataDir, 'consentry.sqlite');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dataDir, { recursive: true });
    const storage = createSqliteStorage({ file });
    await storage.migrate();
    await appendAt(storage, '2026-01-10T10:00:00.000Z');
    await storage.close();
    const raw = new Database(file);
    raw.exec("CREATE TRIGGER refuse_deletes BEFORE DELETE ON consentry_records BEGIN SELECT RAISE(ABORT, 'deletes refused by the test'); END;");
    raw.close();
    const server = await startChild({ CONSENTRY_DATA_DIR: dataDir, CONSENTRY_RATE_LIMIT: '0', CONSENTRY_RETENTION_DAYS: '30' });
    try {
      const res = await fetch(`${server.url}/v1/consents`, { method: 'POST', body: JSON.stringify(makeRecord()) });
      expect(res.status).toBe(201);
    } finally {
      await new Promise((r) => (server.child.once('exit', r), server.child.kill('SIGTERM')));
    }
    expect(server.output()).toMatch(/RETENTION FAILED.*deletes refused by the test/s);
  });
});
