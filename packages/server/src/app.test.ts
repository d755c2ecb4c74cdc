import { createHash, verify } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson, noticeHash, sha256Hex, type Receipt, type SealedRecord } from '@consentry/protocol';
import { publicKeyFromRaw } from './keys.js';
import { ADMIN, appOnSqlite } from './test-utils/app-harness.js';
import { makeRecord } from './test-utils/fixtures.js';
import type { StorageAdapter } from './storage/types.js';
import { createApp } from './app.js';
import { makeSigningKey } from './test-utils/fixtures.js';
import { createNoticeCache } from './notice-cache.js';
import { verifyStorage } from './verify.js';

type Harness = Awaited<ReturnType<typeof appOnSqlite>>;
let h: Harness;
afterEach(async () => {
  await h?.close();
});

describe('POST /v1/consents', () => {
  it('answers 201 with a receipt that verifies offline against GET /v1/keys (batch root, RFC 9162 audit path)', async () => {
    h = await appOnSqlite();
    const records = Array.from({ length: 5 }, () => makeRecord());
    // Sent together, so they share one batch and one signature.
    const responses = await Promise.all(records.map((r) => h.post('/v1/consents', r)));
    const keys = (await (await h.app.request('/v1/keys')).json()) as { keys: { keyId: string; publicKey: string; active: boolean }[] };
    const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
    for (const [i, res] of responses.entries()) {
      expect(res.status).toBe(201);
      const receipt = (await res.json()) as Receipt & { noticeOnFile: boolean };
      expect(receipt).toMatchObject({ recordId: records[i]!.recordId, keyId: h.signingKey.keyId, noticeOnFile: false });
      const key = keys.keys.find((k) => k.keyId === receipt.keyId)!;
      expect(key.active).toBe(true);
      // Independent fold of the audit path (RFC 9162 2.1.3.2), then Ed25519 over the root.
      const tree = receipt.tree!;
      let fn = tree.index;
      let sn = tree.size - 1;
      let r = sha(Buffer.from([0]), Buffer.from(receipt.hash, 'hex'));
      for (const p of tree.path.map((x) => Buffer.from(x, 'hex'))) {
        if (fn % 2 === 1 || fn === sn) {
          r = sha(Buffer.from([1]), p, r);
          while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn >> 1, sn >> 1];
        } else r = sha(Buffer.from([1]), r, p);
        [fn, sn] = [fn >> 1, sn >> 1];
      }
      expect(sn).toBe(0);
      expect(r.toString('hex')).toBe(tree.root);
      expect(verify(null, r, publicKeyFromRaw(key.publicKey), Buffer.from(receipt.signature, 'base64url'))).toBe(true);
      expect(verify(null, Buffer.from(tree.root.replace(/^./, (c) => (c === '0' ? '1' : '0')), 'hex'), publicKeyFromRaw(key.publicKey), Buffer.from(receipt.signature, 'base64url'))).toBe(false);
    }
  });

  it('hashes the canonical stored record with the previous hash inside, same as the WebCrypto code', async () => {
    h = await appOnSqlite();
    const a = makeRecord();
    const b = makeRecord({ consentId: a.consentId, method: 'withdraw' });
    await h.post('/v1/consents', a);
    await h.post('/v1/consents', b);
    const history = (await (await h.app.request(`/v1/consents/${a.consentId}`)).json()) as { records: (SealedRecord & { noticeOnFile: boolean })[] };
    const [first, second] = history.records;
    expect(second!.prevHash).toBe(first!.hash);
    for (const r of history.records) {
      const { hash, signature, keyId, noticeOnFile, tree, ...entry } = r;
      void signature, keyId, noticeOnFile, tree;
      expect(await sha256Hex(canonicalJson(entry))).toBe(hash);
    }
  });

  it('answers a replay with the same receipt and stores it once; a reused recordId with other content is 409', async () => {
    h = await appOnSqlite();
    const record = makeRecord();
    const first = await (await h.post('/v1/consents', record)).json();
    const again = await h.post('/v1/consents', record);
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual(first);
    const other = await h.post('/v1/consents', { ...record, method: 'reject-all' });
    expect(other.status).toBe(409);
    expect(await other.json()).toMatchObject({ path: 'recordId' });
    expect((await h.storage.heads())[0]!.seq).toBe(1);
  });

  it('answers 400 { error, path } for invalid records', async () => {
    h = await appOnSqlite();
    const cases: [unknown, string][] = [
      [{ ...makeRecord(), extra: true }, 'extra'],
      [{ ...makeRecord(), schema: 'consentry.record/9' }, 'schema'],
      [{ ...makeRecord(), choices: { necessary: false, functional: true, statistics: true, targeting: true } }, 'choices.necessary'],
      [{ ...makeRecord(), userAgent: 'x'.repeat(2000) }, 'userAgent'],
      ['{"recordId": ', ''],
    ];
    for (const [body, path] of cases) {
      const res = await h.post('/v1/consents', body);
      expect(res.status).toBe(400);
      const json = (await res.json()) as { error: string; path: string };
      expect(json.path).toBe(path);
      expect(json.error).toEqual(expect.any(String));
    }
    const badUtf8 = await h.post('/v1/consents', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
    expect(await badUtf8.json()).toEqual({ error: 'body is not valid UTF-8', path: '' });
  });

  it('refuses a lone UTF-16 surrogate, which no database stores as sent (the hash would stop matching)', async () => {
    h = await appOnSqlite();
    const text = JSON.stringify(makeRecord({ userAgent: 'Mozilla/5.0 @' })).replace('@', '\\ud800');
    const res = await h.post('/v1/consents', text);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ path: '' });
    // A proper pair (an emoji written as escapes) is fine, and the chain verifies with it.
    const paired = JSON.stringify(makeRecord({ userAgent: 'Mozilla/5.0 @' })).replace('@', '\\ud83d\\ude00');
    expect((await h.post('/v1/consents', paired)).status).toBe(201);
    expect(await verifyStorage(h.storage)).toMatchObject({ ok: true, records: 1 });
  });

  it('answers 413 over 16 KB, with or without a content-length', async () => {
    h = await appOnSqlite();
    const big = JSON.stringify({ ...makeRecord(), userAgent: 'x'.repeat(17_000) });
    expect((await h.post('/v1/consents', big)).status).toBe(413);
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const res = await h.app.request('/v1/consents', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('answers 429 per client IP once the per-minute limit is used up', async () => {
    h = await appOnSqlite({ rateLimit: 3 });
    const from = (ip: string) => ({ 'x-forwarded-for': `10.0.0.9, ${ip}` });
    for (let i = 0; i < 3; i++) expect((await h.post('/v1/consents', makeRecord(), from('198.51.100.1'))).status).toBe(201);
    const limited = await h.post('/v1/consents', makeRecord(), from('198.51.100.1'));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await h.post('/v1/consents', makeRecord(), from('198.51.100.2'))).status).toBe(201);
  });

  it('keeps only a /24 or /48 of the client address, or none', async () => {
    h = await appOnSqlite();
    const v4 = makeRecord();
    const v6 = makeRecord();
    await h.post('/v1/consents', v4, { 'x-forwarded-for': '198.51.100.77' });
    await h.post('/v1/consents', v6, { 'x-forwarded-for': '2001:db8:abcd:12::1' });
    const ipOf = async (consentId: string) =>
      ((await (await h.app.request(`/v1/consents/${consentId}`)).json()) as { records: { ip: string | null }[] }).records[0]!.ip;
    expect(await ipOf(v4.consentId)).toBe('198.51.100.0/24');
    expect(await ipOf(v6.consentId)).toBe('2001:db8:abcd::/48');
    await h.close();
    h = await appOnSqlite({ storeIp: 'none' });
    const none = makeRecord();
    await h.post('/v1/consents', none, { 'x-forwarded-for': '198.51.100.77' });
    expect(await ipOf(none.consentId)).toBeNull();
  });

  it('allows CORS only for configured origins and refuses writes from others', async () => {
    h = await appOnSqlite({ allowedOrigins: ['https://www.example.com'] });
    const preflight = await h.app.request('/v1/consents', {
      method: 'OPTIONS',
      headers: { origin: 'https://www.example.com', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://www.example.com');
    const ok = await h.post('/v1/consents', makeRecord(), { origin: 'https://www.example.com' });
    expect(ok.status).toBe(201);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://www.example.com');
    const evil = await h.post('/v1/consents', makeRecord(), { origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers 503 without internals when storage fails, and never a stack trace', async () => {
    const failing = {
      kind: 'sqlite',
      append: async () => {
        throw new Error('SQLITE_IOERR: disk I/O error at /secret/path');
      },
      ping: async () => {
        throw new Error('down');
      },
      knownNotices: async () => new Set<string>(),
    } as unknown as StorageAdapter;
    const app = createApp({ storage: failing, signingKey: makeSigningKey(), rateLimit: 0 });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const res = await app.request('/v1/consents', { method: 'POST', body: JSON.stringify(makeRecord()) });
      expect(res.status).toBe(503);
      const text = await res.text();
      expect(text).not.toMatch(/SQLITE|secret|at /);
      expect((await app.request('/healthz')).status).toBe(503);
    } finally {
      console.error = original;
    }
    expect(errors.length).toBeGreaterThan(0);
  });
});

describe('notice registry', () => {
  const notice = { language: 'en', texts: { 'banner.title': 'We use cookies', 'banner.acceptAll': 'Accept all' } };

  it('accepts records before their notice, keeps the texts after, and says which records have it', async () => {
    h = await appOnSqlite();
    const hash = await noticeHash(notice);
    const record = makeRecord({ noticeHash: hash });
    expect(await (await h.post('/v1/consents', record)).json()).toMatchObject({ noticeOnFile: false });
    const reg = await h.post('/v1/notices', { noticeHash: hash, ...notice });
    expect(reg.status).toBe(201);
    expect((await h.post('/v1/notices', { noticeHash: hash, ...notice })).status).toBe(200);
    expect(await (await h.post('/v1/consents', makeRecord({ noticeHash: hash }))).json()).toMatchObject({ noticeOnFile: true });
    expect(await (await h.app.request(`/v1/notices/${hash}`)).json()).toMatchObject({ noticeHash: hash, ...notice });
    const history = (await (await h.app.request(`/v1/consents/${record.consentId}`)).json()) as { records: { noticeOnFile: boolean }[] };
    expect(history.records[0]!.noticeOnFile).toBe(true);
  });

  it('refuses texts that do not hash to the claimed noticeHash', async () => {
    h = await appOnSqlite();
    const res = await h.post('/v1/notices', { noticeHash: 'e'.repeat(64), ...notice });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ path: 'noticeHash' });
    expect(await h.storage.getNotice('e'.repeat(64))).toBeNull();
  });
});

describe('GET /v1/consents/:consentId', () => {
  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    h = await appOnSqlite();
    expect(await (await h.app.request('/v1/consents/nope')).json()).toMatchObject({ path: 'consentId' });
    expect((await h.app.request(`/v1/consents/${makeRecord().consentId}`)).status).toBe(404);
  });
});

describe('GET /v1/export', () => {
  const auth = { authorization: `Bearer ${ADMIN}` };

  it('is off without an admin token and 401 with a wrong one', async () => {
    h = await appOnSqlite({ adminToken: null });
    expect((await h.app.request('/v1/export', { headers: auth })).status).toBe(404);
    await h.close();
    h = await appOnSqlite();
    const wrong = await h.app.request('/v1/export', { headers: { authorization: 'Bearer admin-token-0123456780' } });
    expect(wrong.status).toBe(401);
    expect((await h.app.request('/v1/export')).status).toBe(401);
  });

  it('streams NDJSON within from/to (decision time), and says which records have their notice on file', async () => {
    h = await appOnSqlite();
    const records = Array.from({ length: 5 }, (_, i) => makeRecord({ timestamp: `2026-01-0${i + 2}T00:00:00.000Z` }));
    for (const r of records) await h.post('/v1/consents', r);
    const res = await h.app.request('/v1/export?from=2026-01-03&to=2026-01-05', { headers: auth });
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as { recordId: string; noticeOnFile: boolean });
    expect(lines.map((l) => l.recordId)).toEqual([records[1]!.recordId, records[2]!.recordId]);
    expect(lines[0]!.noticeOnFile).toBe(false);
    expect(await (await h.app.request('/v1/export?format=xml', { headers: auth })).json()).toMatchObject({ path: 'format' });
    expect(await (await h.app.request('/v1/export?from=yesterday', { headers: auth })).json()).toMatchObject({ path: 'from' });
  });

  it('streams CSV with a header row and defuses spreadsheet formulas', async () => {
    h = await appOnSqlite();
    await h.post('/v1/consents', makeRecord({ userAgent: '=HYPERLINK("http://evil")' }));
    const text = await (await h.app.request('/v1/export?format=csv', { headers: auth })).text();
    const [header, row] = text.trim().split('\r\n');
    expect(header!.split(',')).toContain('noticeOnFile');
    expect(row).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it('produces ISO/IEC TS 27560-aligned records', async () => {
    h = await appOnSqlite();
    const accept = makeRecord({ method: 'accept-all', choices: { necessary: true, functional: true, statistics: true, targeting: true } });
    const withdraw = makeRecord({ consentId: accept.consentId, method: 'withdraw', choices: { necessary: true, functional: false, statistics: false, targeting: false } });
    await h.post('/v1/consents', accept);
    await h.post('/v1/consents', withdraw);
    const text = await (await h.app.request('/v1/export?format=iso27560', { headers: auth })).text();
    const docs = text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown> & { events: { eventState: string }[] });
    expect(docs[0]).toMatchObject({ recordId: accept.recordId, piiPrincipalId: accept.consentId, schemaVersion: expect.stringContaining('27560') });
    expect(docs.map((d) => d.events[0]!.eventState)).toEqual(['given', 'withdrawn']);
    expect(docs[1]).toHaveProperty('integrity.prevHash', (docs[0] as unknown as { integrity: { hash: string } }).integrity.hash);
  });
});

describe('other routes', () => {
  it('answers healthz and JSON 404s', async () => {
    h = await appOnSqlite();
    expect(await (await h.app.request('/healthz')).json()).toEqual({ status: 'ok', storage: 'sqlite' });
    const missing = await h.app.request('/v1/nothing');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'not found' });
  });
});

describe('client address behind reverse proxies', () => {
  const xff = (v: string) => ({ 'x-forwarded-for': v });

  it('ignores X-Forwarded-For by default: the rate limit keys on the socket peer, and nobody picks their own bucket', async () => {
    h = await appOnSqlite({ rateLimit: 2, trustedProxies: [] });
    expect((await h.post('/v1/consents', makeRecord(), xff('198.51.100.1'), '203.0.113.9')).status).toBe(201);
    expect((await h.post('/v1/consents', makeRecord(), xff('198.51.100.2'), '203.0.113.9')).status).toBe(201);
    // A forged header does not buy a fresh bucket.
    expect((await h.post('/v1/consents', makeRecord(), xff('198.51.100.3'), '203.0.113.9')).status).toBe(429);
    expect((await h.post('/v1/consents', makeRecord(), {}, '203.0.113.10')).status).toBe(201);
    const stored = makeRecord();
    await h.post('/v1/consents', stored, xff('198.51.100.4'), '203.0.113.11');
    const ip = ((await (await h.app.request(`/v1/consents/${stored.consentId}`)).json()) as { records: { ip: string }[] }).records[0]!.ip;
    expect(ip).toBe('203.0.113.0/24');
  });

  it('behind listed proxies, keys on the first untrusted hop from the right; a client cannot spoof past the proxy', async () => {
    h = await appOnSqlite({ rateLimit: 1, trustedProxies: ['10.0.0.0/8', '2001:db8::1'] });
    // Two visitors behind the same proxy get their own buckets.
    expect((await h.post('/v1/consents', makeRecord(), xff('198.51.100.1'), '10.0.0.5')).status).toBe(201);
    expect((await h.post('/v1/consents', makeRecord(), xff('198.51.100.2'), '10.0.0.5')).status).toBe(201);
    // The visitor puts a fake address first; the proxy appends the real one, which is what counts.
    expect((await h.post('/v1/consents', makeRecord(), xff('192.0.2.77, 198.51.100.1'), '10.0.0.5')).status).toBe(429);
    // Chained proxies: trusted hops are skipped (IPv6 proxy address, IPv4-mapped peer).
    expect((await h.post('/v1/consents', makeRecord(), xff('198.51.100.3, 10.2.3.4'), '2001:db8::1')).status).toBe(201);
    expect((await h.post('/v1/consents', makeRecord(), xff('198.51.100.3'), '::ffff:10.0.0.6')).status).toBe(429);
    // A peer that is not a listed proxy is the client, whatever it claims.
    expect((await h.post('/v1/consents', makeRecord(), xff('198.51.100.9'), '203.0.113.20')).status).toBe(201);
    expect((await h.post('/v1/consents', makeRecord(), xff('198.51.100.10'), '203.0.113.20')).status).toBe(429);
  });
});

describe('notice cache', () => {
  it('stays within its bound however many notices are registered', async () => {
    const cache = createNoticeCache(50);
    h = await appOnSqlite({ noticeCache: cache });
    for (let i = 0; i < 120; i++) {
      const notice = { language: 'en', texts: { 'banner.title': `Notice ${i}` } };
      expect((await h.post('/v1/notices', { noticeHash: await noticeHash(notice), ...notice })).status).toBe(201);
    }
    expect(cache.size).toBe(50);
    // Evicted hashes are still answered from the database.
    const first = { language: 'en', texts: { 'banner.title': 'Notice 0' } };
    expect(await (await h.post('/v1/consents', makeRecord({ noticeHash: await noticeHash(first) }))).json()).toMatchObject({ noticeOnFile: true });
  });
});
