import Database from 'better-sqlite3';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { parseOlderThan } from './cli.js';
import { dropPostgresSchema } from './storage/postgres.js';
import { postgresForTests, uniqueSchema } from './test-utils/postgres.js';
import { buildServer, cli, startChild } from './test-utils/child-server.js';
import { makeRecord, sleep, tempDir } from './test-utils/fixtures.js';

beforeAll(buildServer, 60_000);
const pgUrl = await postgresForTests();

describe('parseOlderThan', () => {
  it('reads days, hours, minutes and ISO dates', () => {
    const now = Date.parse('2026-11-23T00:00:00.000Z');
    expect(parseOlderThan('30d', now)).toBe('2026-10-24T00:00:00.000Z');
    expect(parseOlderThan('12h', now)).toBe('2026-11-22T12:00:00.000Z');
    expect(parseOlderThan('2026-01-01', now)).toBe('2026-01-01T00:00:00.000Z');
    expect(parseOlderThan('soon', now)).toBeNull();
  });
});

describe('consentry-server (built bin, child process)', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  const durability = async (env: Record<string, string>) => {
    const { child, url } = await startChild(env);
    const acknowledged: { recordId: string; consentId: string; hash: string }[] = [];
    let stop = false;
    let failures = 0;
    const writer = async () => {
      while (!stop) {
        const record = makeRecord();
        try {
          const res = await fetch(`${url}/v1/consents`, { method: 'POST', body: JSON.stringify(record) });
          if (res.status === 201) acknowledged.push({ recordId: record.recordId, consentId: record.consentId, hash: ((await res.json()) as { hash: string }).hash });
        } catch {
          failures += 1; // the connection died with the server: not acknowledged, may or may not be stored
          return;
        }
      }
    };
    const writers = Array.from({ length: 16 }, writer);
    while (acknowledged.length < 300) await sleep(10);
    child.kill('SIGKILL');
    // Writers keep posting into the dead server for a moment: responses already in the socket buffer
    // may still arrive as 201s (and must be stored); everything after fails.
    await sleep(200);
    stop = true;
    await Promise.all(writers);
    expect(failures).toBeGreaterThan(0); // the server really died under load

    const restarted = await startChild(env);
    try {
      const missing: string[] = [];
      for (const a of acknowledged) {
        const res = await fetch(`${restarted.url}/v1/consents/${a.consentId}`);
        const body = res.status === 200 ? ((await res.json()) as { records: { recordId: string; hash: string }[] }) : { records: [] };
        if (!body.records.some((r) => r.recordId === a.recordId && r.hash === a.hash)) missing.push(a.recordId);
      }
      expect(missing).toEqual([]);
      // Writes continue on the same chain after the crash.
      expect((await fetch(`${restarted.url}/v1/consents`, { method: 'POST', body: JSON.stringify(makeRecord()) })).status).toBe(201);
    } finally {
      restarted.child.kill('SIGTERM');
      await new Promise((r) => restarted.child.once('exit', r));
    }
    const verified = await cli(['verify'], env);
    expect(verified.stdout).toMatch(/^ok: \d+ records in 1 chain\(s\) verify/);
    expect(verified.code).toBe(0);
    return acknowledged.length;
  };

  it('SQLite: every record that got a 201 survives a SIGKILL mid-stream, and the chain verifies after restart', { timeout: 60_000 }, async () => {
    expect(await durability({ CONSENTRY_DATA_DIR: join(tmp.dir, 'durable'), CONSENTRY_RATE_LIMIT: '0' })).toBeGreaterThanOrEqual(300);
  });

  it.skipIf(!pgUrl)(`PostgreSQL: every record that got a 201 survives a SIGKILL mid-stream${pgUrl ? '' : ' (skipped: PostgreSQL not reachable; CONSENTRY_REQUIRE_PG=1 makes it fail)'}`, { timeout: 60_000 }, async () => {
    const schema = uniqueSchema();
    const u = new URL(pgUrl!);
    u.searchParams.set('options', `-c search_path=${schema}`);
    const admin = new pg.Client({ connectionString: pgUrl! });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    try {
      await durability({ CONSENTRY_DATA_DIR: join(tmp.dir, 'durable-pg'), CONSENTRY_RATE_LIMIT: '0', DATABASE_URL: u.toString() });
    } finally {
      await dropPostgresSchema(pgUrl!, schema);
    }
  });

  it('verify exits 1 naming the record whose stored byte was changed; purge and keys work', { timeout: 30_000 }, async () => {
    const env = { CONSENTRY_DATA_DIR: join(tmp.dir, 'tamper'), CONSENTRY_RATE_LIMIT: '0' };
    const { child, url } = await startChild(env);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const record = makeRecord();
      ids.push(record.recordId);
      expect((await fetch(`${url}/v1/consents`, { method: 'POST', body: JSON.stringify(record) })).status).toBe(201);
    }
    const keys = (await (await fetch(`${url}/v1/keys`)).json()) as { keys: { keyId: string }[] };
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));

    expect((await cli(['verify'], env)).code).toBe(0);
    const listed = await cli(['keys'], env);
    expect(listed.stdout).toContain(`${keys.keys[0]!.keyId}`);
    expect(listed.stdout).toContain('active');

    const db = new Database(join(env.CONSENTRY_DATA_DIR, 'consentry.sqlite'));
    db.prepare("UPDATE consentry_records SET body = replace(body, '\"revision\":1', '\"revision\":2') WHERE seq = 4").run();
    db.close();
    const bad = await cli(['verify'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`record ${ids[3]}`);
    expect(bad.stderr).toContain('seq 4');

    const purged = await cli(['purge', '--older-than', '0d'], env);
    expect(purged.code).toBe(0);
    expect(purged.stdout).toMatch(/purged 5 records/);
    expect((await cli(['verify'], env)).code).toBe(0);
    const rotated = await cli(['keys', 'rotate'], env);
    expect(rotated.stdout).toContain(`retired ${keys.keys[0]!.keyId}`);
    const after = (await cli(['keys'], env)).stdout.trim().split('\n');
    expect(after).toHaveLength(2);
    expect(after.find((l) => l.startsWith(keys.keys[0]!.keyId))).toMatch(/retired$/);
    expect((await cli(['purge'], env)).code).toBe(2);
    expect((await cli(['nope'], env)).code).toBe(2);
  });

  it('SIGTERM: a stalled client holds shutdown no longer than the 10 s drain deadline; what was acknowledged stays', { timeout: 60_000 }, async () => {
    const env = { CONSENTRY_DATA_DIR: join(tmp.dir, 'drain'), CONSENTRY_RATE_LIMIT: '0' };
    const { child, url, output } = await startChild(env);
    const record = makeRecord();
    expect((await fetch(`${url}/v1/consents`, { method: 'POST', body: JSON.stringify(record) })).status).toBe(201);
    // A half-sent request: headers in, body never finished (a slow or stalled client).
    const { port } = new URL(url);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    socket.on('error', () => undefined);
    socket.write('POST /v1/consents HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 500\r\n\r\n{"schema":');
    await expect.poll(() => socket.bytesWritten, { timeout: 5000 }).toBeGreaterThan(0);
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const started = Date.now();
    child.kill('SIGTERM');
    const code = await exited;
    const took = Date.now() - started;
    socket.destroy();
    expect(code).toBe(0);
    expect(took).toBeGreaterThanOrEqual(9_000); // the stalled request had its 10 s
    expect(took).toBeLessThan(30_000); // and not Node's own 60–300 s request timeouts
    expect(output()).toContain('drain deadline');
    const restarted = await startChild(env);
    try {
      const res = await fetch(`${restarted.url}/v1/consents/${record.consentId}`);
      expect(((await res.json()) as { records: { recordId: string }[] }).records.map((r) => r.recordId)).toEqual([record.recordId]);
    } finally {
      restarted.child.kill('SIGTERM');
      await new Promise((r) => restarted.child.once('exit', r));
    }
  });

  it('refuses a bad configuration with a message naming the variable', async () => {
    const res = await cli(['verify'], { CONSENTRY_DATA_DIR: join(tmp.dir, 'cfg'), CONSENTRY_STORE_IP: 'full' });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('CONSENTRY_STORE_IP');
  });
});
