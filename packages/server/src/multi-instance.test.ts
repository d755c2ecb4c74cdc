import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStorage, dropPostgresSchema } from './storage/postgres.js';
import { createSqliteStorage } from './storage/sqlite.js';
import type { StorageAdapter } from './storage/types.js';
import { buildServer, cli, startChild } from './test-utils/child-server.js';
import { makeRecord, sleep, tempDir } from './test-utils/fixtures.js';
import { postgresForTests, uniqueSchema } from './test-utils/postgres.js';

beforeAll(buildServer, 120_000);
const pgUrl = await postgresForTests();

type Ack = { recordId: string; hash: string };

/**
 * Writers that post fresh records round-robin over `urls` until `enough()`; a record whose request
 * fails (a dead instance) is posted again to the next instance, as a client retries, so every
 * record is eventually acknowledged. Returns the receipts and how many requests failed.
 */
async function writeRoundRobin(urls: () => string[], writers: number, enough: () => boolean, acks: Ack[]) {
  let next = 0;
  let failures = 0;
  const writer = async () => {
    while (!enough()) {
      const record = makeRecord();
      for (;;) {
        const url = urls()[next++ % urls().length]!;
        try {
          const res = await fetch(`${url}/v1/consents`, { method: 'POST', body: JSON.stringify(record) });
          if (res.status === 201) {
            const receipt = (await res.json()) as { recordId: string; hash: string };
            acks.push({ recordId: receipt.recordId, hash: receipt.hash });
            break;
          }
          failures += 1;
        } catch {
          failures += 1;
        }
        await sleep(5);
      }
    }
  };
  await Promise.all(Array.from({ length: writers }, writer));
  return failures;
}

async function missingFrom(storage: StorageAdapter, acks: Ack[]): Promise<string[]> {
  const missing: string[] = [];
  for (const a of acks) if ((await storage.findByRecordId(a.recordId))?.hash !== a.hash) missing.push(a.recordId);
  return missing;
}

const stopAll = async (children: ChildProcess[]) => {
  for (const c of children) {
    if (c.exitCode !== null || c.signalCode !== null) continue;
    c.kill('SIGTERM');
    await new Promise((r) => c.once('exit', r));
  }
};

describe('several server processes on one database', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('SQLite: two servers on one file, started together, concurrent writers, one chain each: nothing lost, verify passes', { timeout: 90_000 }, async () => {
    const dataDir = join(tmp.dir, 'shared-sqlite');
    const env = (chain: string) => ({ CONSENTRY_DATA_DIR: dataDir, CONSENTRY_RATE_LIMIT: '0', CONSENTRY_CHAIN: chain });
    // Started at the same moment on a fresh file: both run the migrations, only one applies them.
    const servers = await Promise.all([startChild(env('a')), startChild(env('b'))]);
    const acks: Ack[] = [];
    try {
      // A 503 (the file was locked longer than busy_timeout on a starved machine) is not an ack;
      // the writer retries it like the browser client does. What must hold: no ack is lost.
      await Promise.all(servers.map((s) => writeRoundRobin(() => [s.url], 8, () => acks.length >= 600, acks)));
    } finally {
      await stopAll(servers.map((s) => s.child));
    }
    const storage = createSqliteStorage({ file: join(dataDir, 'consentry.sqlite') });
    try {
      expect(await missingFrom(storage, acks)).toEqual([]);
      const heads = await storage.heads();
      expect(heads.map((h) => h.chain)).toEqual(['a', 'b']);
      expect(heads.every((h) => h.seq > 100)).toBe(true);
      expect(heads.reduce((n, h) => n + h.seq, 0)).toBe(acks.length);
    } finally {
      await storage.close();
    }
    const verified = await cli(['verify'], env('a'));
    expect(verified.stdout).toMatch(/^ok: \d+ records in 2 chain\(s\) verify/);
  });

  it.skipIf(!pgUrl)(
    `PostgreSQL: three instances, one SIGKILLed under load: zero acknowledged records lost, every chain verifies${pgUrl ? '' : ' (skipped: PostgreSQL not reachable; CONSENTRY_REQUIRE_PG=1 makes it fail)'}`,
    { timeout: 120_000 },
    async () => {
      const schema = uniqueSchema();
      const admin = new pg.Client({ connectionString: pgUrl! });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.end();
      const u = new URL(pgUrl!);
      u.searchParams.set('options', `-c search_path=${schema}`);
      const env = (chain: string) => ({ CONSENTRY_DATA_DIR: join(tmp.dir, 'pg-key'), CONSENTRY_RATE_LIMIT: '0', DATABASE_URL: u.toString(), CONSENTRY_CHAIN: chain });
      const servers = await Promise.all(['n1', 'n2', 'n3'].map((c) => startChild(env(c))));
      let live = servers.map((s) => s.url);
      const acks: Ack[] = [];
      try {
        const writing = writeRoundRobin(() => live, 12, () => acks.length >= 600, acks);
        while (acks.length < 200) await sleep(10);
        servers[1]!.child.kill('SIGKILL');
        // The client notices on its own (failed requests) and stops sending there a moment later.
        await sleep(300);
        live = [servers[0]!.url, servers[2]!.url];
        const failures = await writing;
        expect(failures).toBeGreaterThan(0); // the instance really died under load
      } finally {
        await stopAll(servers.map((s) => s.child));
      }
      const storage = createPostgresStorage({ connectionString: pgUrl!, schema });
      try {
        expect(await missingFrom(storage, acks)).toEqual([]);
        const heads = await storage.heads();
        expect(heads.map((h) => h.chain)).toEqual(['n1', 'n2', 'n3']);
        expect(heads.every((h) => h.seq > 0)).toBe(true);
      } finally {
        await storage.close();
      }
      const verified = await cli(['verify'], env('n1'));
      expect(verified.stdout).toMatch(/^ok: \d+ records in 3 chain\(s\) verify/);
      await dropPostgresSchema(pgUrl!, schema);
    },
  );
});
