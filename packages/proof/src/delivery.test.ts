// Issue 12: records keep the order decisions were made in, survive deployment mistakes, are
// built on plain-http pages, and decisions made before the client existed are not lost.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { canonicalJson, type ConsentRecord, type Notice } from '@consentry/protocol';
import { createProofClient, type ProofDecision, type ProofResult } from './client.js';
import { NOTICE, createFakeServer, createMemoryStorage, makeConsent } from './test-utils/fake-server.js';

const ENDPOINT = 'https://consent.example.com/v1/consents';
const ORIGIN = 'https://www.example.com';

let errors: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(`${ORIGIN}/pricing`);
  errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  errors.mockRestore();
  vi.unstubAllGlobals();
});

type Server = ReturnType<typeof createFakeServer>;
function setup(server: Server = createFakeServer(), storage: Storage = createMemoryStorage(), consent = makeConsent(), now?: () => number) {
  const results: ProofResult[] = [];
  const client = createProofClient(consent, { endpoint: ENDPOINT, getNotice: () => NOTICE, fetch: server.fetch, storage, onResult: (r) => results.push(r), ...(now ? { now } : {}) });
  return { server, storage, consent, client, results };
}
const stored = (server: Server) => [...server.records.values()];
const queued = (storage: Storage) => (JSON.parse(storage.getItem('consentry.proof.queue') ?? '{"records":[]}') as { records: ConsentRecord[] }).records;
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('order: the server receives a visitor\'s records in the order the decisions were made', () => {
  it('sends the queued records before a new one (after an offline period)', async () => {
    const { server, consent, client, storage } = setup();
    server.state.mode = 'offline';
    consent.acceptAll({ source: 'banner' });
    await client.idle();
    consent.update({ targeting: false }, { source: 'preferences' });
    await client.idle();
    expect(client.pending()).toBe(2);
    const older = queued(storage).map((r) => r.recordId);

    server.state.mode = 'online';
    consent.rejectAll({ source: 'preferences' }); // back online, before any retry ran
    await client.idle();
    const sent = stored(server);
    expect(sent.map((r) => r.recordId).slice(0, 2)).toEqual(older);
    expect(sent.map((r) => r.method)).toEqual(['accept-all', 'withdraw', 'withdraw']);
    expect(sent.map((r) => r.seq)).toEqual([1, 2, 3]);
    const times = sent.map((r) => Date.parse(r.timestamp));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(client.pending()).toBe(0);
  });

  it('sends decisions made in quick succession one after the other, even when the network reorders requests', async () => {
    const server = createFakeServer();
    server.state.latency = (n) => Math.max(0, 40 - n * 10); // a later request would overtake an earlier one
    const { consent, client } = setup(server);
    consent.acceptAll();
    consent.update({ statistics: false });
    consent.rejectAll();
    await client.idle();
    expect(stored(server).map((r) => r.method)).toEqual(['accept-all', 'withdraw', 'withdraw']);
    expect(stored(server).map((r) => r.choices.functional)).toEqual([true, true, false]);
  });
});

describe('deployment mistakes and outages keep the record queued', () => {
  const json = (status: number, body: unknown) => () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const html = (status: number) => () => new Response('<html><body><h1>Error</h1></body></html>', { status, headers: { 'content-type': 'text/html' } });
  const cases: Array<[string, (s: Server) => void, RegExp]> = [
    ['403 origin not allowed', (s) => (s.state.answer = json(403, { error: 'origin not allowed' })), /refused https:\/\/www\.example\.com \(403 \"origin not allowed\"\): add it to the server's CONSENTRY_ALLOWED_ORIGINS/],
    ['404 wrong endpoint', (s) => (s.state.answer = json(404, { error: 'not found' })), /answered 404 \"not found\": set proof\.endpoint to your consent server's …\/v1\/consents URL/],
    ['404 from another web server', (s) => (s.state.answer = html(404)), /answered 404: set proof\.endpoint/],
    ['500', (s) => (s.state.answer = json(500, { error: 'internal error' })), /answered 500 "internal error"; see its log/],
    ['503', (s) => (s.state.mode = 'error'), /answered 503/],
    ['502 from a proxy', (s) => (s.state.answer = html(502)), /answered 502/],
    ['400 from a proxy (no reason of the consent server)', (s) => (s.state.answer = html(400)), /answered 400, not a consent server's answer about the record: check proof.endpoint and any proxy/],
    ['405 (the site itself, not the consent server)', (s) => (s.state.answer = html(405)), /answered 405/],
    ['200 without a receipt (an endpoint that is not the consent server)', (s) => (s.state.answer = json(200, { ok: true })), /answered 200 without a receipt: set proof\.endpoint/],
    ['network error', (s) => (s.state.mode = 'offline'), /could not reach https:\/\/consent\.example\.com\/v1\/consents .*lists https:\/\/www\.example\.com in CONSENTRY_ALLOWED_ORIGINS/],
  ];
  it.each(cases)('%s: kept, logged with the fix, and delivered once fixed', async (_name, breakIt, fix) => {
    const server = createFakeServer();
    breakIt(server);
    const { consent, client, results, storage } = setup(server);
    consent.acceptAll();
    await client.idle();
    consent.rejectAll();
    await client.idle();
    expect(results.map((r) => r.status)).toEqual(['queued', 'queued']);
    expect(client.pending()).toBe(2);
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(fix));
    expect(errors).toHaveBeenCalledTimes(1); // once per cause and page view, not per attempt

    server.state.mode = 'online';
    server.state.answer = null;
    const next = setup(server, storage); // next page view, before the backoff allows a retry
    expect(await next.client.flush()).toEqual({ ok: true, sent: 2, remaining: 0 });
    expect(stored(server).map((r) => r.method)).toEqual(['accept-all', 'withdraw']);
  });

  it('does not log a network error while the browser says it is offline', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const server = createFakeServer();
    server.state.mode = 'offline';
    const { consent, client } = setup(server);
    consent.acceptAll();
    await client.idle();
    expect(client.pending()).toBe(1);
    expect(errors).not.toHaveBeenCalled();
  });
});

describe('only the consent server saying the record itself is invalid drops it', () => {
  it.each([
    [400, { error: 'expected a UUID', path: 'consentId' }, 'expected a UUID at consentId'],
    [413, { error: 'body larger than 16384 bytes' }, 'body larger than 16384 bytes'],
  ])('%i %j: dropped, and the console says why; the records after it still go', async (status, body, why) => {
    const server = createFakeServer();
    const { consent, client, results } = setup(server);
    server.state.answer = () => new Response(JSON.stringify(body), { status });
    consent.acceptAll();
    await client.idle();
    server.state.answer = null;
    consent.rejectAll();
    await client.idle();
    expect(results[0]).toMatchObject({ ok: false, status: 'rejected', httpStatus: status, error: why });
    expect(results[1]).toMatchObject({ ok: true, status: 'stored' });
    expect(client.pending()).toBe(0);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining(`as invalid (${status}: ${why}); dropped`));
  });

  it('a recordId taken by another record (409) gets a new id instead of being dropped', async () => {
    const server = createFakeServer();
    const { consent, client } = setup(server);
    let first = true;
    server.state.answer = () => new Response(JSON.stringify({ error: 'recordId was already used for a different record', path: 'recordId' }), { status: 409 });
    const real = server.fetch;
    const fetchOnce: typeof fetch = async (u, i) => {
      if (first) {
        first = false;
        return real(u, i);
      }
      server.state.answer = null;
      return real(u, i);
    };
    const c2 = createProofClient(consent, { endpoint: ENDPOINT, getNotice: () => NOTICE, fetch: fetchOnce, storage: createMemoryStorage() });
    client.destroy();
    consent.acceptAll();
    await c2.idle();
    await c2.flush();
    expect(stored(server)).toHaveLength(1);
    expect(server.calls.filter((c) => c.url === ENDPOINT).map((c) => (c.body as ConsentRecord).recordId)).toHaveLength(2);
    const [a, b] = server.calls.filter((c) => c.url === ENDPOINT).map((c) => (c.body as ConsentRecord).recordId);
    expect(a).not.toBe(b);
  });
});

describe('plain-http pages (no crypto.subtle outside secure contexts)', () => {
  it('builds and sends the record with the same noticeHash', async () => {
    const c = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: c.getRandomValues.bind(c) }); // what an http:// page has
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL('http://shop.test/');
    const { server, consent, client, results } = setup();
    consent.acceptAll();
    await client.idle();
    expect(results[0]).toMatchObject({ ok: true, status: 'stored' });
    const [record] = stored(server);
    expect(record!.noticeHash).toBe(sha256(canonicalJson(NOTICE)));
    expect(record!.url).toBe('http://shop.test/');
  });
});

describe('nothing is lost before the client is ready or when the page goes away', () => {
  it('stores the record inside the decision, so a page left at once still delivers it on the next view', async () => {
    const server = createFakeServer();
    server.state.mode = 'hang'; // the request never completes: the visitor navigated away
    const storage = createMemoryStorage();
    const { consent, client } = setup(server, storage);
    consent.acceptAll({ source: 'banner' });
    expect(queued(storage).map((r) => r.method)).toEqual(['accept-all']); // synchronously, before any await
    client.destroy();

    server.state.mode = 'online';
    const next = setup(server, storage);
    await next.client.flush();
    expect(stored(server).map((r) => r.method)).toEqual(['accept-all']);
  });

  it('records decisions made before it was created, with the texts shown then, ahead of later ones', async () => {
    const consent = makeConsent();
    const early: Array<[ProofDecision, Notice | null]> = [];
    const off = consent.on('decision', (e) => void early.push([e, e.source === 'banner' ? NOTICE : null]));
    consent.acceptAll({ source: 'banner' }); // through the banner
    consent.update({ targeting: false }); // through the API, no texts on screen
    off();
    const { server, client } = setup(createFakeServer(), createMemoryStorage(), consent);
    for (const [event, notice] of early) void client.record(event, notice);
    consent.rejectAll({ source: 'preferences' });
    await client.idle();
    const sent = stored(server);
    expect(sent.map((r) => r.method)).toEqual(['accept-all', 'withdraw', 'withdraw']);
    expect(sent.map((r) => r.source)).toEqual(['banner', 'api', 'preferences']);
    expect(sent[0]!.noticeHash).toBe(sha256(canonicalJson(NOTICE)));
    expect(sent[1]!.noticeHash).toBe(sha256('{"language":"und","texts":{}}'));
    expect(sent[1]!.language).toBe('und');
  });

  it('keeps working when storage is blocked: records of this page view still leave in order', async () => {
    const blocked = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => undefined } as unknown as Storage;
    const server = createFakeServer();
    server.state.mode = 'offline';
    const { consent, client } = setup(server, blocked);
    consent.acceptAll();
    await client.idle();
    consent.rejectAll();
    await client.idle();
    expect(client.pending()).toBe(2);
    server.state.mode = 'online';
    await client.flush();
    expect(stored(server).map((r) => r.method)).toEqual(['accept-all', 'withdraw']);
  });
});

describe('storage', () => {
  it('writes nothing on a page view with nothing to send', async () => {
    const storage = createMemoryStorage();
    const { client } = setup(createFakeServer(), storage);
    await client.idle();
    expect(storage.length).toBe(0);
  });
});

describe('receipts', () => {
  it("keep the server's batch inclusion proof, so a batch-signed receipt verifies offline", async () => {
    const tree = { index: 0, size: 1, root: 'a'.repeat(64), path: [] as string[] };
    const fetch = async (_url: string, init?: RequestInit) => {
      const { recordId } = JSON.parse(String(init?.body)) as { recordId: string };
      return new Response(JSON.stringify({ recordId, seq: 1, hash: 'b'.repeat(64), signature: 's', keyId: 'k', tree, noticeOnFile: true }), { status: 201 });
    };
    const consent = makeConsent();
    const client = createProofClient(consent, { endpoint: ENDPOINT, getNotice: () => NOTICE, fetch: fetch as typeof globalThis.fetch, storage: createMemoryStorage() });
    consent.acceptAll({ source: 'banner' });
    await client.idle();
    expect(client.getReceipts()).toEqual([expect.objectContaining({ tree })]);
  });
});

describe('retries within the page view (issue 19)', () => {
  afterEach(() => vi.useRealTimers());

  it('sends a queued record once the backoff ends, without another page view', async () => {
    vi.useFakeTimers();
    const server = createFakeServer();
    server.state.mode = 'error';
    const { consent, client } = setup(server);
    consent.rejectAll({ source: 'banner' });
    await client.idle();
    expect(client.pending()).toBe(1);
    server.state.mode = 'online';
    await vi.advanceTimersByTimeAsync(4_500);
    expect(stored(server)).toEqual([]); // still inside the 5 s backoff
    await vi.advanceTimersByTimeAsync(1_000);
    await client.idle();
    expect(stored(server).map((r) => r.method)).toEqual(['reject-all']);
    expect(client.pending()).toBe(0);
    client.destroy();
  });

  it('a new page view inside the backoff sends the record when the backoff ends', async () => {
    vi.useFakeTimers();
    const server = createFakeServer();
    server.state.mode = 'error';
    const storage = createMemoryStorage();
    const first = setup(server, storage);
    first.consent.acceptAll({ source: 'banner' });
    await first.client.idle();
    first.client.destroy(); // the visitor moves on
    server.state.mode = 'online';
    const second = setup(server, storage);
    await vi.advanceTimersByTimeAsync(5_100);
    await second.client.idle();
    expect(stored(server).map((r) => r.method)).toEqual(['accept-all']);
    second.client.destroy();
  });

  it('sends at once, whatever the backoff, when the page is hidden or left', async () => {
    const server = createFakeServer();
    server.state.mode = 'error';
    const { consent, client } = setup(server);
    consent.rejectAll({ source: 'banner' });
    await client.idle();
    server.state.mode = 'online';
    const calls = server.calls.length;
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
      // The request leaves inside the event, so it is on its way before the page goes.
      expect(server.calls.length).toBe(calls + 1);
      expect(server.calls.at(-1)!.init.keepalive).toBe(true);
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
    await client.idle();
    expect(stored(server).map((r) => r.method)).toEqual(['reject-all']);

    server.state.mode = 'error';
    consent.acceptAll({ source: 'banner' });
    await client.idle();
    server.state.mode = 'online';
    window.dispatchEvent(new Event('pagehide'));
    await client.idle();
    expect(stored(server).map((r) => r.method)).toEqual(['reject-all', 'accept-all']);
    client.destroy();
  });
});

describe('after a long outage (issue 19: the newer decision must arrive)', () => {
  afterEach(() => vi.useRealTimers());
  const blip = new Response(JSON.stringify({ error: 'storage unavailable, retry later' }), { status: 503 });

  it("a send that fails once the server is back waits the first backoff (5 s), not the outage's grown one", async () => {
    vi.useFakeTimers();
    const server = createFakeServer();
    server.state.mode = 'error';
    const storage = createMemoryStorage();
    const first = setup(server, storage);
    first.consent.acceptAll({ source: 'banner' });
    await first.client.idle();
    await vi.advanceTimersByTimeAsync(5_000 + 10_000 + 20_000 + 100); // three retries in the page, all failed
    await first.client.idle();
    expect((JSON.parse(storage.getItem('consentry.proof.queue')!) as { attempts: number }).attempts).toBe(4);
    first.client.destroy();

    // The server is back. On the next page view the visitor rejects: the older record is stored,
    // then the server blips once on the newer one.
    server.state.mode = 'online';
    let posts = 0;
    const flaky = { ...server, fetch: (input: RequestInfo | URL, init?: RequestInit) => (String(input).endsWith('/v1/consents') && ++posts === 2 ? Promise.resolve(blip.clone()) : server.fetch(input, init)) };
    const second = setup(flaky, storage, first.consent);
    second.consent.rejectAll({ source: 'api' });
    await second.client.idle();
    expect(stored(server).map((r) => r.method)).toEqual(['accept-all']);
    await vi.advanceTimersByTimeAsync(5_100);
    await second.client.idle();
    expect(stored(server).map((r) => r.method)).toEqual(['accept-all', 'withdraw']);
    second.client.destroy();
  });

  it('a send that never gets an answer does not hold the newer decisions: it is given up after 15 s and retried', async () => {
    vi.useFakeTimers();
    const server = createFakeServer();
    server.state.mode = 'hang'; // a stalled server or proxy: the request is accepted and never answered
    const { consent, client } = setup(server);
    consent.acceptAll({ source: 'banner' });
    await vi.advanceTimersByTimeAsync(100);
    server.state.mode = 'online';
    consent.rejectAll({ source: 'preferences' });
    await vi.advanceTimersByTimeAsync(15_100);
    await client.idle();
    expect(stored(server).map((r) => r.method)).toEqual(['accept-all', 'withdraw']);
    expect(client.pending()).toBe(0);
    client.destroy();
  });
});
