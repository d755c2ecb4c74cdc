// Issue 19: what the HTTP API does at the edges of its input (in-process app on a real SQLite file).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { noticeHash } from '@consentry/protocol';
import { createRateLimiter, rateKey } from './rate-limit.js';
import { ADMIN, appOnSqlite } from './test-utils/app-harness.js';
import { makeRecord } from './test-utils/fixtures.js';

type Harness = Awaited<ReturnType<typeof appOnSqlite>>;
let h: Harness;
afterEach(async () => {
  await h?.close();
  vi.restoreAllMocks();
});
const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Record<string, unknown> });

describe('bodies', () => {
  it('deeply nested JSON holding a \\uD800 escape is a 400 without a stack trace, on records and notices', async () => {
    h = await appOnSqlite();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const deep = `${'['.repeat(5000)}"\\uD800"${']'.repeat(5000)}`;
    const notice = `{"noticeHash":"${'a'.repeat(64)}","language":"en","texts":{"x":${'['.repeat(5000)}"\\uDC00"${']'.repeat(5000)}}}`;
    expect(await json(await h.post('/v1/consents', deep))).toMatchObject({ status: 400, body: { error: expect.stringContaining('lone UTF-16 surrogate') } });
    expect(await json(await h.post('/v1/notices', notice))).toMatchObject({ status: 400, body: { error: expect.stringContaining('lone UTF-16 surrogate') } });
    // Deep and well formed: judged by the validator, like any other shape.
    expect((await h.post('/v1/consents', `${'['.repeat(5000)}"\\uD83D\\uDE00"${']'.repeat(5000)}`)).status).toBe(400);
    expect(errors).not.toHaveBeenCalled();
  });

  it('refuses a duplicate key (another parser could keep the first value and read another record)', async () => {
    h = await appOnSqlite();
    const record = makeRecord({ method: 'accept-all' });
    const text = JSON.stringify(record);
    const twice = text.replace('"method":"accept-all"', '"method":"reject-all","method":"accept-all"');
    expect(await json(await h.post('/v1/consents', twice))).toMatchObject({ status: 400, body: { error: expect.stringContaining('duplicate key'), path: '' } });
    const nested = text.replace('"statistics":true', '"statistics":false, "statistics" :true');
    expect((await h.post('/v1/consents', nested)).status).toBe(400);
    const texts = { 'banner.title': 'Hi' };
    const hash = await noticeHash({ language: 'en', texts });
    expect((await h.post('/v1/notices', `{"noticeHash":"${hash}","language":"en","texts":{"banner.title":"Hi","banner.title":"Hi"}}`)).status).toBe(400);
    // Quotes, colons and escaped quotes inside values are not keys.
    const tricky = makeRecord({ userAgent: 'Mozilla/5.0 "a": b \\" "c":' });
    expect((await h.post('/v1/consents', JSON.stringify(record).replace('"gpc"', '\n  "gpc"'))).status).toBe(201);
    expect((await h.post('/v1/consents', tricky)).status).toBe(201);
  });
});

describe('decision times', () => {
  it('refuses dates that do not exist, with the path', async () => {
    h = await appOnSqlite();
    for (const timestamp of ['2026-02-30T10:00:00.000Z', '2026-04-31T10:00:00Z', '2026-02-29T10:00:00.000Z']) {
      expect(await json(await h.post('/v1/consents', makeRecord({ timestamp })))).toMatchObject({ status: 400, body: { path: 'timestamp' } });
    }
    expect(await json(await h.app.request('/v1/export?from=2026-02-30', { headers: { authorization: `Bearer ${ADMIN}` } }))).toMatchObject({ status: 400, body: { path: 'from' } });
  });

  it('accepts decisions from 24 hours ahead of the server back to the retention period, and refuses the rest', async () => {
    const now = new Date('2026-12-07T12:00:00.000Z');
    h = await appOnSqlite({ now: () => now, retentionDays: 400 });
    const at = (ms: number) => makeRecord({ timestamp: new Date(now.getTime() + ms).toISOString() });
    const day = 86_400_000;
    expect((await h.post('/v1/consents', at(23 * 3_600_000))).status).toBe(201);
    expect((await h.post('/v1/consents', at(-399 * day))).status).toBe(201);
    expect(await json(await h.post('/v1/consents', at(25 * 3_600_000)))).toMatchObject({ status: 400, body: { path: 'timestamp' } });
    expect(await json(await h.post('/v1/consents', makeRecord({ timestamp: '9999-12-31T23:59:59.999Z' })))).toMatchObject({ status: 400, body: { path: 'timestamp' } });
    expect(await json(await h.post('/v1/consents', at(-401 * day)))).toMatchObject({ status: 400, body: { path: 'timestamp' } });
  });

  it('orders a history and the export by time, whatever the form of the timestamp (…00Z, …00.15Z)', async () => {
    h = await appOnSqlite();
    const consentId = '11111111-2222-4333-8444-999999999999';
    const a = makeRecord({ consentId, method: 'accept-all', timestamp: '2026-11-23T10:00:00Z' });
    const b = makeRecord({ consentId, method: 'reject-all', timestamp: '2026-11-23T10:00:00.15Z' });
    const c = makeRecord({ consentId, method: 'custom', timestamp: '2026-11-23T10:00:00.9Z' });
    for (const r of [c, b, a]) expect((await h.post('/v1/consents', r)).status).toBe(201);
    const history = (await (await h.app.request(`/v1/consents/${consentId}`)).json()) as { records: Array<{ recordId: string }> };
    expect(history.records.map((r) => r.recordId)).toEqual([a, b, c].map((r) => r.recordId));
    const res = await h.app.request('/v1/export?from=2026-11-23T10:00:00Z&to=2026-11-23T10:00:00.200Z', { headers: { authorization: `Bearer ${ADMIN}` } });
    const lines = (await res.text()).trim().split('\n').map((l) => (JSON.parse(l) as { recordId: string }).recordId);
    expect(lines).toEqual([a, b].map((r) => r.recordId));
  });
});

describe('admin and limits', () => {
  it('takes the bearer scheme in any case (RFC 9110)', async () => {
    h = await appOnSqlite();
    for (const scheme of ['Bearer', 'bearer', 'BEARER']) {
      expect((await h.app.request('/v1/export', { headers: { authorization: `${scheme} ${ADMIN}` } })).status).toBe(200);
    }
    expect((await h.app.request('/v1/export', { headers: { authorization: `Basic ${ADMIN}` } })).status).toBe(401);
  });

  it('rate-limits IPv6 clients by their /64', async () => {
    h = await appOnSqlite({ rateLimit: 1, trustedProxies: [] });
    expect((await h.post('/v1/consents', makeRecord(), {}, '2001:db8:1:2::1')).status).toBe(201);
    expect((await h.post('/v1/consents', makeRecord(), {}, '2001:db8:1:2:ffff:1:2:3')).status).toBe(429);
    expect((await h.post('/v1/consents', makeRecord(), {}, '2001:db8:1:3::1')).status).toBe(201);
    expect(rateKey('2001:DB8:0:0:1::9')).toBe('2001:db8:0:0::/64');
    expect(rateKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(rateKey('192.0.2.7')).toBe('192.0.2.7');
  });

  it('keeps its windows without scanning all of them on every hit past 50,000 clients', () => {
    let t = 0;
    const limiter = createRateLimiter(5, () => t);
    for (let i = 0; i < 60_000; i++) limiter.hit(`k${i}`);
    // Count the steps over any Map taken during 100 hits: a scan of every live window would be 6,000,000.
    const probe = new Map([[1, 1]])[Symbol.iterator]();
    const proto = Object.getPrototypeOf(probe) as { next: () => unknown };
    const next = vi.spyOn(proto, 'next');
    for (let i = 0; i < 100; i++) limiter.hit(`new${i}`);
    expect(next.mock.calls.length).toBeLessThan(1_000);
    // Ended windows still go, so memory stays bounded.
    t = 61_000;
    limiter.hit('later');
    t = 61_001;
    expect(limiter.hit('k1')).toBe(0);
  });
});
