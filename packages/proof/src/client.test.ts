import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryCookies } from '@consentry/core';
import { noticeHash, type ConsentRecord } from '@consentry/protocol';
import { NO_NOTICE, createProofClient, type ProofResult } from './client.js';
import { NOTICE, createFakeServer, createMemoryStorage, makeConsent } from './test-utils/fake-server.js';

const ENDPOINT = 'https://consent.example.com/v1/consents';

let errors: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL('https://www.example.com/pricing?email=a@b.example#plans');
  errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  errors.mockRestore();
});

function setup(overrides: { server?: ReturnType<typeof createFakeServer>; storage?: Storage; now?: () => number; queueLimit?: number } = {}) {
  const server = overrides.server ?? createFakeServer();
  const storage = overrides.storage ?? createMemoryStorage();
  const consent = makeConsent();
  const results: ProofResult[] = [];
  const client = createProofClient(consent, {
    endpoint: ENDPOINT,
    getNotice: () => NOTICE,
    fetch: server.fetch,
    storage,
    onResult: (r) => results.push(r),
    ...(overrides.now ? { now: overrides.now } : {}),
    ...(overrides.queueLimit ? { queueLimit: overrides.queueLimit } : {}),
  });
  return { server, storage, consent, client, results };
}

const sentRecords = (server: ReturnType<typeof createFakeServer>) =>
  server.calls.filter((c) => c.url.endsWith('/v1/consents')).map((c) => c.body as ConsentRecord);

describe('createProofClient', () => {
  it('sends one record per decision with keepalive, as a CORS-simple request, and keeps the receipt', async () => {
    const { server, consent, client, results } = setup();
    consent.acceptAll({ source: 'banner' });
    await client.idle();
    const [call] = server.calls;
    expect(call!.url).toBe(ENDPOINT);
    expect(call!.init).toMatchObject({ method: 'POST', keepalive: true, credentials: 'omit', headers: { 'content-type': 'text/plain;charset=UTF-8' } });
    const record = call!.body as ConsentRecord;
    const state = consent.getState();
    expect(record).toMatchObject({
      schema: 'consentry.record/1',
      consentId: state.consentId,
      site: 'www.example.com',
      url: 'https://www.example.com/pricing',
      language: 'en',
      noticeHash: await noticeHash(NOTICE),
      choices: { necessary: true, functional: true, statistics: true, targeting: true },
      method: 'accept-all',
      source: 'banner',
      gpc: false,
      timestamp: new Date(state.decidedAt!).toISOString(),
    });
    expect(results).toEqual([{ ok: true, status: 'stored', receipt: expect.objectContaining({ recordId: record.recordId, seq: 1 }) }]);
    expect(client.getReceipts()).toEqual([expect.objectContaining({ recordId: record.recordId, consentId: state.consentId, method: 'accept-all' })]);
  });

  it('with subscribe: false it records only what its owner hands to record(event, notice)', async () => {
    const server = createFakeServer();
    const consent = makeConsent();
    let last: Parameters<Parameters<typeof consent.on<'decision'>>[1]>[0] | null = null;
    consent.on('decision', (event) => void (last = event));
    const client = createProofClient(consent, { endpoint: ENDPOINT, fetch: server.fetch, storage: createMemoryStorage(), subscribe: false });
    consent.acceptAll({ source: 'banner' });
    await client.idle();
    expect(sentRecords(server)).toEqual([]); // the decision alone sends nothing
    await client.record(last!, NOTICE);
    const records = sentRecords(server);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ method: 'accept-all', noticeHash: await noticeHash(NOTICE) });
  });

  it('records refusals, partial choices and withdrawals as new records', async () => {
    const { server, consent, client } = setup();
    consent.rejectAll({ source: 'banner' });
    await client.idle();
    consent.update({ statistics: true }, { source: 'preferences' });
    await client.idle();
    consent.update({ statistics: false }, { source: 'preferences' });
    await client.idle();
    consent.acceptAll();
    await client.idle();
    consent.rejectAll({ source: 'preferences' });
    await client.idle();
    const sent = sentRecords(server);
    expect(sent.map((r) => r.method)).toEqual(['reject-all', 'custom', 'withdraw', 'accept-all', 'withdraw']);
    expect(new Set(sent.map((r) => r.recordId)).size).toBe(5);
    expect(new Set(sent.map((r) => r.consentId)).size).toBe(1);
    expect(client.getReceipts()).toHaveLength(5);
  });

  it('queues while offline and sends the queue, oldest first, on the next page view', async () => {
    let t = Date.parse('2026-11-23T10:00:00.000Z');
    const now = () => t;
    const server = createFakeServer();
    const storage = createMemoryStorage();
    server.state.mode = 'offline';
    const first = setup({ server, storage, now });
    first.consent.rejectAll({ source: 'banner' });
    await first.client.idle();
    first.consent.update({ statistics: true });
    await first.client.idle();
    expect(first.results.map((r) => r.status)).toEqual(['queued', 'queued']);
    expect(first.client.pending()).toBe(2);
    expect(first.client.getReceipts()).toEqual([]);
    first.client.destroy();

    server.state.mode = 'online';
    t += 60_000;
    const queued = (JSON.parse(storage.getItem('consentry.proof.queue')!) as { records: ConsentRecord[] }).records.map((r) => r.recordId);
    expect(queued).toHaveLength(2);
    const second = setup({ server, storage, now });
    await second.client.idle();
    expect(second.client.pending()).toBe(0);
    expect(second.client.getReceipts().map((r) => r.recordId)).toEqual(queued);
    expect([...server.records.keys()]).toEqual(queued);
  });

  it('waits for the backoff before retrying automatically; flush() retries at once', async () => {
    let t = 0;
    const server = createFakeServer();
    const storage = createMemoryStorage();
    server.state.mode = 'error';
    const first = setup({ server, storage, now: () => t });
    first.consent.acceptAll();
    await first.client.idle();
    expect(first.results[0]).toMatchObject({ ok: false, status: 'queued', error: 'server answered 503' });
    server.state.mode = 'online';
    const early = setup({ server, storage, now: () => t + 1000 });
    await early.client.idle();
    expect(early.client.pending()).toBe(1);
    expect(await early.client.flush()).toEqual({ ok: true, sent: 1, remaining: 0 });
    expect(early.client.getReceipts()).toHaveLength(1);
  });

  it('keeps at most queueLimit records: the oldest, and the newest in place of the one before it', async () => {
    const server = createFakeServer();
    server.state.mode = 'offline';
    const { consent, client, storage } = setup({ server, queueLimit: 3 });
    const made: string[] = [];
    for (const statistics of [true, false, true, false, true]) {
      consent.update({ statistics });
      await client.idle();
      made.push((JSON.parse(storage.getItem('consentry.proof.queue')!) as { records: ConsentRecord[] }).records.at(-1)!.recordId);
    }
    expect(client.pending()).toBe(3);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('3 records are waiting for the consent server'));
    server.state.mode = 'online';
    await client.flush();
    expect([...server.records.keys()]).toEqual([made[0], made[1], made[4]]);
  });

  it('does not queue a record the server refuses, and says why', async () => {
    const server = createFakeServer();
    const realFetch = server.fetch;
    const { consent, client, results } = setup({
      server: { ...server, fetch: async (u, i) => (String(u).endsWith('/consents') ? new Response('{"error":"unknown field","path":"extra"}', { status: 400 }) : realFetch(u, i)) },
    });
    consent.acceptAll();
    await client.idle();
    expect(results[0]).toMatchObject({ ok: false, status: 'rejected', httpStatus: 400, error: 'unknown field at extra' });
    expect(client.pending()).toBe(0);
    expect(errors).toHaveBeenCalled();
  });

  it('sends the notice texts once per noticeHash, only when the server lacks them', async () => {
    const server = createFakeServer();
    const storage = createMemoryStorage();
    const a = setup({ server, storage });
    a.consent.acceptAll();
    await a.client.idle();
    a.consent.rejectAll();
    await a.client.idle();
    const noticePosts = () => server.calls.filter((c) => c.url.endsWith('/v1/notices'));
    expect(noticePosts()).toHaveLength(1);
    expect(noticePosts()[0]!.url).toBe('https://consent.example.com/v1/notices');
    expect(noticePosts()[0]!.body).toEqual({ noticeHash: await noticeHash(NOTICE), ...NOTICE });
    // Another visitor (fresh storage): the server already holds the texts, so none are sent.
    const b = setup({ server, storage: createMemoryStorage() });
    b.consent.acceptAll();
    await b.client.idle();
    expect(noticePosts()).toHaveLength(1);
  });

  it('never throws into the page: broken storage, a throwing getNotice', async () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const server = createFakeServer();
    const consent = makeConsent(createMemoryCookies());
    const results: ProofResult[] = [];
    const client = createProofClient(consent, { endpoint: ENDPOINT, getNotice: () => NOTICE, fetch: server.fetch, storage: broken, onResult: (r) => results.push(r) });
    expect(() => consent.acceptAll()).not.toThrow();
    await client.idle();
    expect(results[0]).toMatchObject({ ok: true, status: 'stored' });
    // Kept in memory for this page view (storage refuses them).
    expect(client.getReceipts()).toHaveLength(1);

    const throwing = makeConsent();
    const res2: ProofResult[] = [];
    const c2 = createProofClient(throwing, {
      endpoint: ENDPOINT,
      getNotice: () => {
        throw new Error('no texts');
      },
      fetch: server.fetch,
      onResult: (r) => res2.push(r),
    });
    throwing.acceptAll();
    await c2.idle();
    // The decision is still on file, with the notice that says no texts are known.
    expect(res2[0]).toMatchObject({ ok: true, status: 'stored' });
    expect(sentRecords(server).at(-1)).toMatchObject({ language: 'und', noticeHash: await noticeHash(NO_NOTICE) });
  });
});
