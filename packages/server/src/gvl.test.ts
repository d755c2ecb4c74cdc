import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGvlCache } from './gvl.js';
import { loadConfig } from './config.js';
import { appOnSqlite } from './test-utils/app-harness.js';

// The one GVL fixture, built to IAB's published v3 schema (packages/tcf/src/fixtures).
const fixtureText = readFileSync(join(import.meta.dirname, '../../tcf/src/fixtures/vendor-list-v150.json'), 'utf8');
const fixture = JSON.parse(fixtureText);
const lvPurposes = JSON.stringify({
  gvlSpecificationVersion: 3, vendorListVersion: 150, tcfPolicyVersion: 5, lastUpdated: fixture.lastUpdated,
  purposes: { 1: { ...fixture.purposes[1], name: 'Glabāt un/vai piekļūt informācijai ierīcē' } },
  specialPurposes: {}, features: {}, specialFeatures: {}, stacks: {}, dataCategories: {},
});

/** A local stand-in for IAB's host: real HTTP, counts what it is asked, serves gzip like IAB does. */
let iab: Server;
let base: string;
let version = 150;
let status = 200;
let maxAge = 3600;
const seen: IncomingMessage[] = [];
beforeAll(async () => {
  iab = createServer((req, res) => {
    seen.push(req);
    if (status !== 200) return void res.writeHead(status).end();
    const body = req.url === '/v3/vendor-list.json' ? JSON.stringify({ ...fixture, vendorListVersion: version }) : req.url === '/v3/purposes-lv.json' ? lvPurposes : null;
    if (!body) return void res.writeHead(404).end();
    const gz = /gzip/.test(String(req.headers['accept-encoding']));
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': `public, max-age=${maxAge}`, ...(gz ? { 'content-encoding': 'gzip' } : {}) });
    res.end(gz ? gzipSync(body) : body);
  });
  await new Promise<void>((r) => iab.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(iab.address() as AddressInfo).port}/v3/`;
});
afterAll(() => new Promise<void>((r) => iab.close(() => r())));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'consentry-gvl-'));
  seen.length = 0;
  version = 150;
  status = 200;
  maxAge = 3600;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the consent server keeps the Global Vendor List', () => {
  it('fetches it compressed from the published location, keeps it with its version, serves it with the translations', async () => {
    const logs: string[] = [];
    const gvl = createGvlCache({ dir, source: base, languages: ['lv'], log: (m) => logs.push(m) });
    expect(gvl.version()).toBeNull();
    expect(await gvl.refresh()).toBe(150);
    expect(seen.map((r) => r.url)).toEqual(['/v3/vendor-list.json', '/v3/purposes-lv.json']);
    expect(seen.every((r) => /gzip/.test(String(r.headers['accept-encoding'])))).toBe(true);
    expect(JSON.parse(gvl.read('vendor-list.json')!.body.toString())).toEqual(fixture);
    expect(gvl.read('vendor-list.json')!.maxAge).toBeLessThanOrEqual(3600);
    expect(JSON.parse(gvl.read('archives/vendor-list-v150.json')!.body.toString()).vendorListVersion).toBe(150);
    expect(JSON.parse(gvl.read('purposes-lv.json')!.body.toString()).purposes[1].name).toMatch(/Glabāt/);
    expect(gvl.read('../config.json')).toBeNull();
    expect(gvl.read('purposes-fr.json')).toBeNull(); // not a configured language
    expect(logs).toContain('GVL: serving vendor list version 150');

    // A new week's list: served as latest, the old version stays in the archive.
    version = 151;
    expect(await gvl.refresh()).toBe(151);
    expect(JSON.parse(gvl.read('vendor-list.json')!.body.toString()).vendorListVersion).toBe(151);
    expect(gvl.read('archives/vendor-list-v150.json')).not.toBeNull();

    // A restart serves the stored copy before any fetch.
    expect(createGvlCache({ dir, source: base, languages: ['lv'] }).version()).toBe(151);
  });

  it('keeps serving the old copy when IAB fails or sends something that is not a v3 list', async () => {
    const logs: string[] = [];
    const gvl = createGvlCache({ dir, source: base, log: (m) => logs.push(m) });
    await gvl.refresh();
    status = 503;
    await expect(gvl.refresh()).rejects.toThrow(/answered 503/);
    status = 200;
    version = -1;
    await expect(gvl.refresh()).rejects.toThrow(/vendorListVersion/);
    expect(gvl.version()).toBe(150);
    expect(gvl.read('vendor-list.json')).not.toBeNull();
  });

  it('re-fetches on the schedule IAB sets with max-age', async () => {
    maxAge = 1;
    const gvl = createGvlCache({ dir, source: base, log: () => {}, minTtlSeconds: 0 });
    await gvl.start();
    expect(seen).toHaveLength(1);
    version = 152;
    await vi.waitFor(() => expect(gvl.version()).toBe(152), { timeout: 15_000, interval: 50 });
    expect(seen.length).toBeGreaterThanOrEqual(2);
    gvl.stop();
  });

  it('serves /v1/gvl/* from the app: 200 with cache headers, 503 before the first fetch, 404 when switched off', async () => {
    const off = await appOnSqlite();
    const gvl = createGvlCache({ dir, source: base, log: () => {} });
    const h = await appOnSqlite({ gvl });
    try {
      const res404 = await off.app.request('/v1/gvl/vendor-list.json');
      expect(res404.status).toBe(404);
      expect(await res404.json()).toMatchObject({ error: expect.stringMatching(/CONSENTRY_GVL=on/) });
      const app = h.app;
      expect((await app.request('/v1/gvl/vendor-list.json')).status).toBe(503);
      await gvl.refresh();
      const res = await app.request('/v1/gvl/vendor-list.json');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect((await res.json()).vendorListVersion).toBe(150);
      expect((await app.request('/v1/gvl/archives/vendor-list-v150.json')).status).toBe(200);
      expect((await app.request('/v1/gvl/archives/vendor-list-v9.json')).status).toBe(404);
    } finally {
      await h.close();
      await off.close();
    }
  });

  it('is off unless CONSENTRY_GVL=on; the source and languages are checked', () => {
    expect(loadConfig({}).gvl).toBeNull();
    expect(loadConfig({ CONSENTRY_GVL: 'on' }).gvl).toEqual({ source: 'https://vendor-list.consensu.org/v3/', languages: ['lv', 'ru', 'et', 'lt', 'de', 'fr', 'es', 'pl'] });
    expect(() => loadConfig({ CONSENTRY_GVL: 'yes' })).toThrow(/CONSENTRY_GVL must be "on" or "off"/);
    expect(() => loadConfig({ CONSENTRY_GVL: 'on', CONSENTRY_GVL_LANGUAGES: 'lv,<x>' })).toThrow(/not a language code/);
  });
});
