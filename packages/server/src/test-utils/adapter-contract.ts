import { SCHEMA_VERSION } from '../storage/schema.js';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, type ChainedRecord } from '@consentry/protocol';
import { createApp } from '../app.js';
import { createSealer } from '../seal.js';
import type { SigningKey } from '../keys.js';
import type { AppendInput, Sealer, StorageAdapter } from '../storage/types.js';
import { verifyStorage } from '../verify.js';
import { makeRecord, makeSigningKey } from './fixtures.js';

export interface ContractHarness {
  storage: StorageAdapter;
  /** Raw SQL against the same database, bypassing the adapter (tamper tests). */
  exec(sql: string): Promise<void>;
  cleanup(): Promise<void>;
}

const input = (receivedAt = '2026-11-23T10:00:00.000Z', overrides = {}): AppendInput => ({
  record: makeRecord(overrides),
  receivedAt,
  ip: '203.0.113.0/24',
});

/** One behaviour contract; every storage adapter's test file runs it (see style.md: unstorage). */
export function describeStorageContract(name: string, open: () => Promise<ContractHarness>): void {
  describe(`storage contract: ${name}`, () => {
    let h: ContractHarness;
    let key: SigningKey;
    let seal: Sealer;

    beforeEach(async () => {
      h = await open();
      await h.storage.migrate();
      key = makeSigningKey();
      seal = createSealer(key);
      await h.storage.putPublicKey({ keyId: key.keyId, publicKey: key.publicKeyRaw, createdAt: '2026-01-01T00:00:00.000Z' });
    });
    afterEach(async () => {
      await h.cleanup();
    });

    it('runs versioned migrations once', async () => {
      expect(await h.storage.migrate()).toBe(SCHEMA_VERSION);
      expect(await h.storage.migrate()).toBe(SCHEMA_VERSION);
    });

    it('appends records as one chain starting at the genesis hash', async () => {
      const first = await h.storage.append('main', [input(), input(), input()], seal);
      const second = await h.storage.append('main', [input(), input()], seal);
      const rows = [...first, ...second].map((o) => o.row);
      expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
      expect([...first, ...second].every((o) => o.status === 'created')).toBe(true);
      let prev = GENESIS_HASH;
      for (const r of rows) {
        const entry = JSON.parse(r.body) as ChainedRecord;
        expect(entry.prevHash).toBe(prev);
        expect(entry.seq).toBe(r.seq);
        prev = r.hash;
      }
      expect(await h.storage.heads()).toEqual([{ chain: 'main', seq: 5, hash: prev, baseSeq: 0, baseHash: GENESIS_HASH }]);
      expect(await verifyStorage(h.storage)).toEqual({ ok: true, chains: 1, records: 5 });
    });

    it('stores a recordId once and returns the stored row on replay', async () => {
      const a = input();
      const [created, again] = await h.storage.append('main', [a, a], seal);
      const [later] = await h.storage.append('main', [{ ...a, receivedAt: '2026-11-24T00:00:00.000Z' }], seal);
      expect(created!.status).toBe('created');
      expect(again).toEqual({ status: 'existing', row: created!.row });
      expect(later).toEqual({ status: 'existing', row: created!.row });
      expect((await h.storage.heads())[0]!.seq).toBe(1);
    });

    it('keeps a single unforked chain under concurrent appends', async () => {
      const outcomes = await Promise.all(Array.from({ length: 40 }, () => h.storage.append('main', [input()], seal)));
      const seqs = outcomes.map((o) => o[0]!.row.seq).sort((x, y) => x - y);
      expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(await verifyStorage(h.storage)).toMatchObject({ ok: true, records: 40 });
    });

    it('keeps separate chains per writer', async () => {
      await h.storage.append('a', [input(), input()], seal);
      await h.storage.append('b', [input()], seal);
      expect((await h.storage.heads()).map((x) => [x.chain, x.seq])).toEqual([
        ['a', 2],
        ['b', 1],
      ]);
      expect(await verifyStorage(h.storage)).toEqual({ ok: true, chains: 2, records: 3 });
    });

    it('finds a record by id and lists one consent history in order', async () => {
      const consentId = '11111111-2222-4333-8444-555555555555';
      const early = input('2026-11-23T10:00:00.000Z', { consentId, method: 'accept-all', timestamp: '2026-11-23T10:00:00.000Z' });
      const late = input('2026-11-23T11:00:00.000Z', { consentId, method: 'withdraw', timestamp: '2026-11-23T11:00:00.000Z' });
      await h.storage.append('main', [early, input(), late], seal);
      expect((await h.storage.findByRecordId(late.record.recordId))?.seq).toBe(3);
      expect(await h.storage.findByRecordId('00000000-0000-4000-8000-000000000000')).toBeNull();
      const history = await h.storage.listByConsentId(consentId, 100);
      expect(history.map((r) => r.recordId)).toEqual([early.record.recordId, late.record.recordId]);
    });

    it('pages through a decision-time range without gaps or repeats', async () => {
      const times = Array.from({ length: 25 }, (_, i) => `2026-11-${String(1 + i).padStart(2, '0')}T00:00:00.000Z`);
      await h.storage.append('main', times.map((t) => input(undefined, { timestamp: t })), seal);
      const seen: number[] = [];
      let after: { decidedAt: string; chain: string; seq: number } | undefined;
      for (;;) {
        const page = await h.storage.listRange({ from: '2026-11-05T00:00:00.000Z', to: '2026-11-20T00:00:00.000Z', limit: 4, ...(after ? { after } : {}) });
        if (page.length === 0) break;
        seen.push(...page.map((r) => r.seq));
        const last = page.at(-1)!;
        after = { decidedAt: last.decidedAt, chain: last.chain, seq: last.seq };
      }
      expect(seen).toEqual(Array.from({ length: 15 }, (_, i) => i + 5));
    });

    it('orders a visitor history and the export by decision time, chain order breaking ties, never by arrival', async () => {
      const consentId = '11111111-2222-4333-8444-666666666666';
      // Came back online: the later refusal arrived first, the acceptance it replaced arrived after.
      const refusal = input('2026-11-23T12:00:00.000Z', { consentId, method: 'reject-all', timestamp: '2026-11-23T10:05:00.000Z' });
      const accept = input('2026-11-23T12:00:01.000Z', { consentId, method: 'accept-all', timestamp: '2026-11-23T10:00:00.000Z' });
      const sameA = input('2026-11-23T12:00:02.000Z', { consentId, method: 'custom', timestamp: '2026-11-23T10:07:00.000Z' });
      const sameB = input('2026-11-23T12:00:03.000Z', { consentId, method: 'withdraw', timestamp: '2026-11-23T10:07:00.000Z' });
      await h.storage.append('main', [refusal], seal);
      await h.storage.append('main', [accept, sameA, sameB], seal);
      const expected = [accept, refusal, sameA, sameB].map((x) => x.record.recordId);
      expect((await h.storage.listByConsentId(consentId, 100)).map((r) => r.recordId)).toEqual(expected);
      expect((await h.storage.listRange({ limit: 100 })).map((r) => r.recordId)).toEqual(expected);
    });

    it('orders decision times as instants, whatever their form (…00Z sorts before …00.15Z), and a sub-second range keeps them', async () => {
      const consentId = '11111111-2222-4333-8444-777777777777';
      const a = input(undefined, { consentId, timestamp: '2026-11-23T10:00:00Z' });
      const b = input(undefined, { consentId, timestamp: '2026-11-23T10:00:00.15Z' });
      const c = input(undefined, { consentId, timestamp: '2026-11-23T10:00:00.9Z' });
      await h.storage.append('main', [c, b, a], seal);
      const ids = (rows: { recordId: string }[]) => rows.map((r) => r.recordId);
      expect(ids(await h.storage.listByConsentId(consentId, 10))).toEqual(ids([a, b, c].map((x) => x.record)));
      expect(ids(await h.storage.listRange({ from: '2026-11-23T10:00:00.000Z', to: '2026-11-23T10:00:00.200Z', limit: 10 }))).toEqual(ids([a, b].map((x) => x.record)));
      expect(await verifyStorage(h.storage)).toMatchObject({ ok: true });
    });

    it('caps a visitor history at its newest records (the decisions in force), oldest first', async () => {
      const consentId = '11111111-2222-4333-8444-888888888888';
      const all = [1, 2, 3, 4, 5].map((d) => input(undefined, { consentId, timestamp: `2026-11-0${d}T10:00:00.000Z` }));
      await h.storage.append('main', all, seal);
      expect((await h.storage.listByConsentId(consentId, 2)).map((r) => r.recordId)).toEqual([all[3]!.record.recordId, all[4]!.record.recordId]);
    });

    it('reports the durability settings of its write connection', async () => {
      const d = await h.storage.durability();
      if (h.storage.kind === 'sqlite') expect(d).toEqual({ journal_mode: 'wal', synchronous: 'full' });
      else expect(d).toMatchObject({ synchronous_commit: expect.stringMatching(/^(on|remote_write|remote_apply|local)$/), fsync: 'on' });
    });

    it('keeps notices by hash and says which are on file', async () => {
      const notice = { noticeHash: 'c'.repeat(64), language: 'lv', texts: { 'banner.title': 'Mēs izmantojam sīkdatnes' } };
      expect(await h.storage.putNotice(notice, '2026-11-23T10:00:00.000Z')).toBe(true);
      expect(await h.storage.putNotice(notice, '2026-11-24T10:00:00.000Z')).toBe(false);
      expect(await h.storage.getNotice(notice.noticeHash)).toEqual({
        noticeHash: notice.noticeHash,
        language: 'lv',
        texts: notice.texts,
        createdAt: '2026-11-23T10:00:00.000Z',
      });
      expect(await h.storage.getNotice('d'.repeat(64))).toBeNull();
      expect(await h.storage.knownNotices(['c'.repeat(64), 'd'.repeat(64)])).toEqual(new Set(['c'.repeat(64)]));
    });

    it('keeps every public key it was given, once', async () => {
      await h.storage.putPublicKey({ keyId: key.keyId, publicKey: key.publicKeyRaw, createdAt: '2026-02-01T00:00:00.000Z' });
      expect(await h.storage.publicKeys()).toEqual([{ keyId: key.keyId, publicKey: key.publicKeyRaw, createdAt: '2026-01-01T00:00:00.000Z' }]);
    });

    it('verify names the record whose stored bytes were changed', async () => {
      const outcomes = await h.storage.append('main', [input(), input(), input(), input()], seal);
      await h.exec("UPDATE consentry_records SET body = replace(body, 'Mozilla/5.0', 'Mozilla/5.1') WHERE seq = 3");
      expect(await verifyStorage(h.storage)).toMatchObject({
        ok: false,
        seq: 3,
        recordId: outcomes[2]!.row.recordId,
        reason: 'hash does not match the stored record',
      });
    });

    it('verify names a forged signature and a removed record', async () => {
      const outcomes = await h.storage.append('main', [input(), input(), input()], seal);
      const forged = Buffer.alloc(64, 7).toString('base64url');
      await h.exec(`UPDATE consentry_records SET signature = '${forged}' WHERE seq = 2`);
      expect(await verifyStorage(h.storage)).toMatchObject({ ok: false, seq: 2, recordId: outcomes[1]!.row.recordId, reason: 'signature does not verify' });
      await h.exec(`UPDATE consentry_records SET signature = '${outcomes[1]!.row.signature}' WHERE seq = 2`);
      await h.exec('DELETE FROM consentry_records WHERE seq = 2');
      expect(await verifyStorage(h.storage)).toMatchObject({ ok: false, seq: 3, recordId: outcomes[2]!.row.recordId });
    });

    it('verify names a record whose body and hash were rewritten together (the batch proof catches it)', async () => {
      const outcomes = await h.storage.append('main', [input(), input(), input(), input(), input()], seal);
      const row = outcomes[2]!.row;
      const body = row.body.replace('Mozilla/5.0', 'Mozilla/5.1');
      const hash = createHash('sha256').update(body).digest('hex');
      await h.exec(`UPDATE consentry_records SET body = '${body.replaceAll("'", "''")}', hash = '${hash}' WHERE seq = 3`);
      expect(await verifyStorage(h.storage)).toMatchObject({ ok: false, seq: 3, recordId: row.recordId, reason: 'signature does not verify' });
    });

    it('purges the oldest records and the rest of the chain still verifies', async () => {
      await h.storage.append(
        'main',
        ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01'].map((d) => input(`${d}T00:00:00.000Z`)),
        seal,
      );
      expect(await h.storage.purge('2026-03-01T00:00:00.000Z')).toBe(2);
      expect(await h.storage.purge('2026-03-01T00:00:00.000Z')).toBe(0);
      const [head] = await h.storage.heads();
      expect(head).toMatchObject({ seq: 4, baseSeq: 2 });
      expect(await verifyStorage(h.storage)).toEqual({ ok: true, chains: 1, records: 2 });
      await h.storage.append('main', [input('2026-05-01T00:00:00.000Z')], seal);
      expect(await verifyStorage(h.storage)).toEqual({ ok: true, chains: 1, records: 3 });
    });

    it('serves the HTTP API on this storage: store, replay, history, export', async () => {
      const app = createApp({ storage: h.storage, signingKey: key, adminToken: 'admin-token-0123456789', rateLimit: 0 });
      const record = makeRecord();
      const post = () => app.request('/v1/consents', { method: 'POST', body: JSON.stringify(record) });
      const first = await post();
      expect(first.status).toBe(201);
      const receipt = (await first.json()) as { recordId: string; seq: number };
      const replay = await post();
      expect(replay.status).toBe(201);
      expect(await replay.json()).toEqual(receipt);
      const history = await app.request(`/v1/consents/${record.consentId}`);
      expect(((await history.json()) as { records: unknown[] }).records).toHaveLength(1);
      const exported = await app.request('/v1/export?format=ndjson', { headers: { authorization: 'Bearer admin-token-0123456789' } });
      const lines = (await exported.text()).trim().split('\n');
      expect(lines.map((l) => (JSON.parse(l) as { recordId: string }).recordId)).toEqual([record.recordId]);
    });
  });
}
