import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { startServer } from './server.js';
import { makeRecord, tempDir } from './test-utils/fixtures.js';

describe('startServer', () => {
  it('creates the data dir, SQLite file and a private signing key on first start, and reuses the key after', async () => {
    const tmp = tempDir();
    const config = { ...loadConfig({ CONSENTRY_DATA_DIR: join(tmp.dir, 'data'), PORT: '0', CONSENTRY_RETENTION_DAYS: '30' }) };
    const first = await startServer(config);
    const keyFile = join(tmp.dir, 'data', 'signing-key.pem');
    expect(existsSync(join(tmp.dir, 'data', 'consentry.sqlite'))).toBe(true);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const res = await fetch(`${first.url}/v1/consents`, { method: 'POST', body: JSON.stringify(makeRecord()) });
    expect(res.status).toBe(201);
    const keyId = first.signingKey.keyId;
    await first.close();
    const second = await startServer(config);
    expect(second.signingKey.keyId).toBe(keyId);
    expect(await (await fetch(`${second.url}/healthz`)).json()).toEqual({ status: 'ok', storage: 'sqlite' });
    // Over a real socket: a declared Content-Length over 16 KB, and a chunked body that grows past it.
    const big = JSON.stringify({ ...makeRecord(), userAgent: 'x'.repeat(17_000) });
    expect((await fetch(`${second.url}/v1/consents`, { method: 'POST', body: big })).status).toBe(413);
    const chunked = new ReadableStream({
      start(c) {
        for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode('x'.repeat(1024)));
        c.close();
      },
    });
    const chunkedRes = await fetch(`${second.url}/v1/consents`, { method: 'POST', body: chunked, duplex: 'half' } as RequestInit);
    expect(chunkedRes.status).toBe(413);
    expect((await fetch(`${second.url}/v1/consents`, { method: 'POST', body: JSON.stringify(makeRecord()) })).status).toBe(201);
    await second.close();
    tmp.remove();
  });

  it('answers POST /v1/consents over a socket like the in-process app: CORS, 403, 400 with path, replay, 429 keyed on the peer', async () => {
    const tmp = tempDir();
    const server = await startServer(
      loadConfig({ CONSENTRY_DATA_DIR: tmp.dir, PORT: '0', CONSENTRY_ALLOWED_ORIGINS: 'https://www.example.com', CONSENTRY_RATE_LIMIT: '4' }),
    );
    try {
      const post = (body: unknown, headers: Record<string, string> = {}) =>
        fetch(`${server.url}/v1/consents`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers });
      const record = makeRecord();
      const ok = await post(record, { origin: 'https://www.example.com', 'content-type': 'text/plain' });
      expect(ok.status).toBe(201);
      expect(ok.headers.get('access-control-allow-origin')).toBe('https://www.example.com');
      expect(ok.headers.get('content-type')).toContain('application/json');
      const receipt = await ok.json();
      expect(receipt).toMatchObject({ recordId: record.recordId, seq: 1, tree: { index: 0, size: 1 } });
      expect(await (await post(record)).json()).toEqual(receipt);
      const evil = await post(makeRecord(), { origin: 'https://evil.example' });
      expect(evil.status).toBe(403);
      expect(evil.headers.get('access-control-allow-origin')).toBeNull();
      expect(await (await post({ ...makeRecord(), method: 'maybe' })).json()).toMatchObject({ path: 'method' });
      // Four writes used the minute; X-Forwarded-For is not believed without trusted proxies.
      const limited = await post(makeRecord(), { 'x-forwarded-for': '198.51.100.1' });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      const history = await (await fetch(`${server.url}/v1/consents/${record.consentId}`)).json();
      expect(history).toMatchObject({ records: [{ recordId: record.recordId, ip: '127.0.0.0/24' }] });
    } finally {
      await server.close();
      tmp.remove();
    }
  });
});
