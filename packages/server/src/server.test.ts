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
});
