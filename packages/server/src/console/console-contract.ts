import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import type { StorageAdapter } from '../storage/types.js';
import { fromSocket, ADMIN } from '../test-utils/app-harness.js';
import { makeRecord, makeSigningKey, tempDir } from '../test-utils/fixtures.js';
import { createSealer } from '../seal.js';

// Low scrypt cost in tests only (the default is 2^15): the behaviour is the same, the CPU is shared.
const FAST = { N: 1024, r: 8, p: 1 };
// A stand-in for dist/consentry.compiled.js: the one marker bakeGuard replaces with the compiled config.
const GUARD = 'window.__guardRan = (window.__guardRan || 0) + 1; window.__baked = __CONSENTRY_COMPILED__;';

/** The console's security and publishing behaviour; the SQLite and PostgreSQL test files both run it. */
export function describeConsole(name: string, open: () => Promise<{ storage: StorageAdapter; cleanup: () => Promise<void> }>) {
  describe(`console: ${name}`, () => {
    let h: Awaited<ReturnType<typeof open>>;
    let app: ReturnType<typeof createApp>;
    const guardDir = tempDir();
    beforeAll(async () => {
      h = await open();
      await h.storage.migrate();
      mkdirSync(join(guardDir.dir, 'chunks'));
      writeFileSync(join(guardDir.dir, 'consentry.compiled.js'), GUARD);
      writeFileSync(join(guardDir.dir, 'chunks', 'experience.js'), '/* experience */');
      app = createApp({ storage: h.storage, signingKey: makeSigningKey(), adminToken: ADMIN, rateLimit: 0, console: { guardDir: guardDir.dir, passwordCost: FAST } });
    });
    afterAll(async () => {
      await h.cleanup();
      guardDir.remove();
    });

    type Session = { cookie?: string | undefined; csrf?: string | undefined; bearer?: string; ip?: string | undefined };
    const call = async (method: string, path: string, s: Session = {}, body?: unknown) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (s.cookie) headers['cookie'] = s.cookie;
      if (s.csrf) headers['x-csrf-token'] = s.csrf;
      if (s.bearer) headers['authorization'] = `Bearer ${s.bearer}`;
      const res = await app.request(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }, fromSocket(s.ip ?? '198.51.100.7'));
      const text = await res.text();
      let json: any = null;
      try {
        json = JSON.parse(text);
      } catch {
        json = text;
      }
      return { status: res.status, json, headers: res.headers };
    };
    const login = async (email: string, password: string, ip?: string): Promise<Session> => {
      const r = await call('POST', '/admin/api/login', { ip }, { email, password });
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      const cookie = r.headers.get('set-cookie')!;
      return { cookie: cookie.split(';')[0]!, csrf: r.json.csrf };
    };
    const admin = { bearer: ADMIN };
    const ownerPw = 'owner-password-123';
    const marketerPw = 'marketer-password-123';

    it('the admin token bootstraps the first owner; sign-in sets an HttpOnly, SameSite=Strict cookie', async () => {
      expect((await call('POST', '/admin/api/accounts', admin, { email: 'Owner@example.com', role: 'owner', password: ownerPw })).status).toBe(201);
      const r = await call('POST', '/admin/api/login', {}, { email: 'owner@example.com', password: ownerPw });
      expect(r.status).toBe(200);
      const cookie = r.headers.get('set-cookie')!;
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).not.toMatch(/Secure/); // plain http here; see the https case below
      const https = await app.request('https://consent.example/admin/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'owner@example.com', password: ownerPw }) }, fromSocket('198.51.100.8'));
      expect(https.headers.get('set-cookie')).toMatch(/^__Host-consentry_session=.*Secure/);
    });

    it('stores only an scrypt hash of the password', async () => {
      const rows = await h.storage.sql.all<{ password_hash: string }>('SELECT password_hash FROM consentry_accounts');
      expect(rows.every((r) => r.password_hash.startsWith('scrypt$') && !r.password_hash.includes(ownerPw))).toBe(true);
    });

    it('no session: 401 on every console API route', async () => {
      for (const [method, path] of [
        ['GET', '/admin/api/me'], ['GET', '/admin/api/accounts'], ['POST', '/admin/api/accounts'], ['GET', '/admin/api/audit'],
        ['GET', '/admin/api/sites'], ['POST', '/admin/api/sites'], ['GET', '/admin/api/sites/shop'], ['PUT', '/admin/api/sites/shop/draft'],
        ['GET', '/admin/api/sites/shop/diff'], ['POST', '/admin/api/sites/shop/publish'], ['GET', '/admin/api/sites/shop/versions'],
        ['GET', '/admin/api/export'], ['GET', '/admin/api/catalog'], ['POST', '/admin/api/logout'], ['DELETE', '/admin/api/accounts/x@example.com'],
      ] as const) {
        expect((await call(method, path, {}, method === 'GET' ? undefined : {})).status, `${method} ${path}`).toBe(401);
        expect((await call(method, path, { bearer: 'wrong' }, method === 'GET' ? undefined : {})).status, `${method} ${path} wrong token`).toBe(401);
      }
    });

    it('refuses a cross-origin sign-in or change (login CSRF), accepts the same origin', async () => {
      const body = JSON.stringify({ email: 'owner@example.com', password: ownerPw });
      const from = (origin: string) =>
        app.request('http://consent.example/admin/api/login', { method: 'POST', headers: { 'content-type': 'application/json', origin }, body }, fromSocket('198.51.100.20'));
      expect((await from('https://evil.example')).status).toBe(403);
      expect((await from('null')).status).toBe(403);
      expect((await from('http://consent.example')).status).toBe(200);
    });

    it('a cookie session without the CSRF token gets 403; with it, the change goes through', async () => {
      const owner = await login('owner@example.com', ownerPw);
      const body = { email: 'marketer@example.com', role: 'marketer', password: marketerPw };
      expect((await call('POST', '/admin/api/accounts', { cookie: owner.cookie }, body)).status).toBe(403);
      expect((await call('POST', '/admin/api/accounts', { cookie: owner.cookie, csrf: 'forged' }, body)).status).toBe(403);
      expect((await call('POST', '/admin/api/accounts', owner, body)).status).toBe(201);
    });

    it('a marketer cannot manage accounts or export proofs', async () => {
      const m = await login('marketer@example.com', marketerPw);
      expect((await call('GET', '/admin/api/me', m)).json.role).toBe('marketer');
      expect((await call('GET', '/admin/api/accounts', m)).status).toBe(403);
      expect((await call('POST', '/admin/api/accounts', m, { email: 'x@example.com', role: 'owner', password: 'x'.repeat(20) })).status).toBe(403);
      expect((await call('DELETE', '/admin/api/accounts/owner@example.com', m)).status).toBe(403);
      expect((await call('GET', '/admin/api/export', m)).status).toBe(403);
      const owner = await login('owner@example.com', ownerPw);
      expect((await call('GET', '/admin/api/export', owner)).status).toBe(200);
    });

    it('20 wrong passwords are throttled (429), and so is the right one after them', async () => {
      const pw = 'target-password-123';
      expect((await call('POST', '/admin/api/accounts', admin, { email: 'target@example.com', role: 'marketer', password: pw })).status).toBe(201);
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await call('POST', '/admin/api/login', { ip: '203.0.113.9' }, { email: 'target@example.com', password: `wrong-${i}` })).status);
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
      const right = await call('POST', '/admin/api/login', { ip: '203.0.113.10' }, { email: 'target@example.com', password: pw });
      expect(right.status).toBe(429);
      expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another account from the throttled address is held too (the address is a key of its own).
      expect((await call('POST', '/admin/api/login', { ip: '203.0.113.9' }, { email: 'owner@example.com', password: ownerPw })).status).toBe(429);
    });

    it('validates drafts with the SDK validator (path errors), publishes immutable versions with a diff, rolls back', async () => {
      const m = await login('marketer@example.com', marketerPw);
      expect((await call('POST', '/admin/api/sites', m, { site: 'shop', name: 'Tea shop' })).status).toBe(201);
      expect((await call('POST', '/admin/api/sites', m, { site: 'Bad Id' })).json.path).toBe('site');
      const bad = await call('PUT', '/admin/api/sites/shop/draft', m, { config: { revision: 1, vendors: { hotjar: {}, 'meta-pixle': { id: '1' } } } });
      const paths = bad.json.issues.map((i: { path: string }) => i.path);
      expect(paths).toContain('vendors.hotjar.id');
      expect(paths).toContain('vendors.meta-pixle');
      const refused = await call('POST', '/admin/api/sites/shop/publish', m, {});
      expect(refused.status).toBe(400);

      const v1 = { revision: 1, vendors: { hotjar: { id: '1234567' }, 'google-analytics': { id: 'G-ABC123' } } };
      expect((await call('PUT', '/admin/api/sites/shop/draft', m, { config: v1 })).json.issues).toEqual([]);
      expect((await call('POST', '/admin/api/sites/shop/publish', m, { expectLive: null })).json.version).toBe(1);

      const v2 = { revision: 1, vendors: { hotjar: { id: '1234567', enabled: false }, 'google-analytics': { id: 'G-ABC123' } } };
      await call('PUT', '/admin/api/sites/shop/draft', m, { config: v2 });
      const diff = await call('GET', '/admin/api/sites/shop/diff', m);
      expect(diff.json).toEqual({ live: 1, changes: [{ path: 'vendors.hotjar.enabled', after: false }] });
      // A diff reviewed against version 0 is stale: refuse.
      expect((await call('POST', '/admin/api/sites/shop/publish', m, { expectLive: null })).status).toBe(409);
      expect((await call('POST', '/admin/api/sites/shop/publish', m, { expectLive: 1 })).json.version).toBe(2);

      // Roll back = publish version 1 again, as version 3.
      expect((await call('GET', '/admin/api/sites/shop/diff?version=1', m)).json.changes).toEqual([{ path: 'vendors.hotjar.enabled', before: false }]);
      const back = await call('POST', '/admin/api/sites/shop/publish', m, { fromVersion: 1 });
      expect(back.json.version).toBe(3);
      expect(back.json.config).toEqual(v1);
      const versions = (await call('GET', '/admin/api/sites/shop/versions', m)).json.versions;
      expect(versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
      expect(versions[1].config).toEqual(v2);
      await expect(h.storage.sql.batch([{ sql: "UPDATE consentry_config_versions SET config = '{}' WHERE site = 'shop'" }])).rejects.toThrow(/immutable|append-only/);
    });

    it('keeps an append-only audit log of who changed what', async () => {
      const owner = await login('owner@example.com', ownerPw);
      const entries = (await call('GET', '/admin/api/audit', owner)).json.entries as Array<{ actor: string; action: string; subject: string; at: string }>;
      const seen = entries.map((e) => `${e.actor} ${e.action} ${e.subject}`).reverse();
      expect(seen.slice(0, 3)).toEqual(['admin-token account.create owner@example.com', 'owner@example.com account.create marketer@example.com', 'owner@example.com proofs.export ndjson']);
      expect(seen).toContain('marketer@example.com publish shop');
      expect(seen).toContain('marketer@example.com rollback shop');
      expect(entries.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
      await expect(h.storage.sql.batch([{ sql: 'DELETE FROM consentry_audit' }])).rejects.toThrow(/append-only/);
      await expect(h.storage.sql.batch([{ sql: "UPDATE consentry_audit SET actor = 'x'" }])).rejects.toThrow(/append-only/);
    });

    it('serves the published guard per site with ETag, a short cache for the latest and immutable versioned URLs', async () => {
      const latest = await app.request('/s/shop/consentry.js');
      expect(latest.status).toBe(200);
      const text = await latest.text();
      // The compiled guard with the published config checked and baked in (consentry-build's bakeGuard).
      expect(text.startsWith('window.__guardRan')).toBe(true);
      expect(text).toContain('"format":"consentry-compiled/1"');
      expect(text).not.toContain('__CONSENTRY_COMPILED__');
      expect(latest.headers.get('cache-control')).toBe('public, max-age=300, must-revalidate');
      const etag = latest.headers.get('etag')!;
      expect(etag).toMatch(/^"shop-3-/);
      expect((await app.request('/s/shop/consentry.js', { headers: { 'if-none-match': etag } })).status).toBe(304);
      const v2 = await app.request('/s/shop/v/2/consentry.js');
      expect(v2.headers.get('cache-control')).toContain('immutable');
      // Version 2 switched Hotjar off: it is no configured vendor of that guard (its hosts stay held).
      const v2text = await v2.text();
      expect(v2text).toContain('["google-analytics","Google Analytics');
      expect(v2text).not.toContain('["hotjar"');
      expect((await app.request('/s/shop/v/2/chunks/experience.js')).status).toBe(200);
      expect((await app.request('/s/shop/v/2/chunks/..%2F..%2Fetc.js')).status).toBe(404);
      expect((await app.request('/s/nosuch/consentry.js')).status).toBe(404);
      expect((await app.request('/s/shop/v/9/consentry.js')).status).toBe(404);
    });

    it('counts decisions per day and method with an SQL aggregate, for marketers too', async () => {
      const key = makeSigningKey();
      const at = (day: string, method: 'accept-all' | 'reject-all' | 'custom', gpc = false) => ({
        record: makeRecord({ timestamp: `2026-11-${day}T10:00:00.000Z`, method, gpc }),
        receivedAt: `2026-11-${day}T10:00:01.000Z`,
        ip: null,
      });
      await h.storage.append('main', [at('20', 'accept-all'), at('20', 'accept-all', true), at('20', 'reject-all'), at('21', 'custom'), at('22', 'accept-all')], createSealer(key));
      const m = await login('marketer@example.com', marketerPw);
      const r = await call('GET', '/admin/api/stats?from=2026-11-20&to=2026-11-22', m);
      expect(r.json.days).toEqual([
        { day: '2026-11-20', method: 'accept-all', count: 2, gpc: 1 },
        { day: '2026-11-20', method: 'reject-all', count: 1, gpc: 0 },
        { day: '2026-11-21', method: 'custom', count: 1, gpc: 0 },
      ]);
      expect((await call('GET', '/admin/api/stats?from=yesterday', m)).json.path).toBe('from');
    });

    it('signs out: the session no longer works', async () => {
      const m = await login('marketer@example.com', marketerPw);
      expect((await call('POST', '/admin/api/logout', m)).status).toBe(200);
      expect((await call('GET', '/admin/api/me', m)).status).toBe(401);
    });
  });
}
