import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppender } from './appender.js';
import { createSealer } from './seal.js';
import { createSqliteStorage } from './storage/sqlite.js';
import type { AppendInput, StorageAdapter } from './storage/types.js';
import { makeRecord, makeSigningKey, tempDir } from './test-utils/fixtures.js';
import { verifyStorage } from './verify.js';

const BAD = '99999999-9999-4999-8999-999999999999';
const input = (consentId?: string): AppendInput => ({
  record: makeRecord(consentId ? { consentId } : {}),
  receivedAt: new Date().toISOString(),
  ip: null,
});

describe('group-commit appender (real SQLite file)', () => {
  let tmp: ReturnType<typeof tempDir>;
  let storage: StorageAdapter;
  let batches: number[];
  let counted: StorageAdapter;
  const key = makeSigningKey();

  beforeEach(async () => {
    tmp = tempDir();
    const file = join(tmp.dir, 'consentry.sqlite');
    storage = createSqliteStorage({ file });
    await storage.migrate();
    await storage.putPublicKey({ keyId: key.keyId, publicKey: key.publicKeyRaw, createdAt: new Date().toISOString() });
    // A real per-record failure inside the database: a trigger refuses one visitor's rows.
    const raw = new Database(file);
    raw.exec(`CREATE TRIGGER refuse_one BEFORE INSERT ON consentry_records WHEN NEW.consent_id = '${BAD}' BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END`);
    raw.close();
    batches = [];
    // Counts the transactions, and passes everything through to the real adapter.
    counted = { ...storage, append: (chain, inputs, seal) => (batches.push(inputs.length), storage.append(chain, inputs, seal)) };
  });
  afterEach(async () => {
    await storage.close();
    tmp.remove();
  });

  it('commits records that arrive together in few transactions, in submission order', async () => {
    const appender = createAppender(counted, 'main', createSealer(key));
    const inputs = Array.from({ length: 200 }, () => input());
    const outcomes = await Promise.all(inputs.map((i) => appender.submit(i)));
    expect(outcomes.map((o) => o.status)).toEqual(inputs.map(() => 'created'));
    expect(outcomes.map((o) => o.row.recordId)).toEqual(inputs.map((i) => i.record.recordId));
    expect(outcomes.map((o) => o.row.seq)).toEqual(inputs.map((_, n) => n + 1));
    expect(batches.reduce((a, b) => a + b, 0)).toBe(200);
    expect(batches.length).toBeLessThanOrEqual(4);
    expect(await verifyStorage(storage)).toEqual({ ok: true, chains: 1, records: 200 });
  });

  it('fails only the record that fails; the rest of its batch is stored, in order, and the chain has no gap', async () => {
    const appender = createAppender(counted, 'main', createSealer(key));
    const inputs = Array.from({ length: 30 }, (_, n) => input(n === 7 || n === 21 ? BAD : undefined));
    const settled = await Promise.allSettled(inputs.map((i) => appender.submit(i)));
    expect(settled.map((s) => s.status)).toEqual(inputs.map((_, n) => (n === 7 || n === 21 ? 'rejected' : 'fulfilled')));
    const stored = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value.row] : []));
    expect(stored.map((r) => r.seq)).toEqual(Array.from({ length: 28 }, (_, n) => n + 1));
    expect(stored.map((r) => r.recordId)).toEqual(inputs.filter((_, n) => n !== 7 && n !== 21).map((i) => i.record.recordId));
    expect(String((settled[7] as PromiseRejectedResult).reason)).toContain('refused by test trigger');
    for (const r of stored) expect((await storage.findByRecordId(r.recordId))?.hash).toBe(r.hash);
    expect(await verifyStorage(storage)).toEqual({ ok: true, chains: 1, records: 28 });
    // The appender keeps working after a failure.
    expect((await appender.submit(input())).row.seq).toBe(29);
  });

  it('rejects every record when the database itself is down, and never resolves one early', async () => {
    const appender = createAppender(counted, 'main', createSealer(key));
    await storage.close();
    const settled = await Promise.allSettled(Array.from({ length: 5 }, () => appender.submit(input())));
    expect(settled.every((s) => s.status === 'rejected')).toBe(true);
  });
});
