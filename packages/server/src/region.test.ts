import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, ServerConfigError } from './config.js';
import { createRegionResolver } from './region.js';
import { appOnSqlite, fromSocket } from './test-utils/app-harness.js';
import { tempDir } from './test-utils/fixtures.js';
import { buildMmdb } from './test-utils/mmdb.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
const database = join(tmp.dir, 'test-city.mmdb');
writeFileSync(
  database,
  buildMmdb([
    ['81.2.69.0/24', { country: { iso_code: 'GB' } }],
    ['89.160.20.0/24', { country: { iso_code: 'DE' } }],
    ['203.0.113.0/24', { country: { iso_code: 'US' }, subdivisions: [{ iso_code: 'CA' }] }],
  ]),
);

async function region(options: Parameters<typeof createRegionResolver>[0], headers: Record<string, string>, remote: string, trustedProxies: string[] = []) {
  const h = await appOnSqlite({ region: createRegionResolver(options), trustedProxies });
  try {
    const res = await h.app.request('/v1/region', { headers }, fromSocket(remote));
    return { status: res.status, body: await res.json(), cache: res.headers.get('cache-control') };
  } finally {
    await h.close();
  }
}

describe('GET /v1/region', () => {
  it('answers from the edge header the operator named, with the state where the edge sends one', async () => {
    expect(await region({ header: 'CF-IPCountry' }, { 'cf-ipcountry': 'de' }, '10.0.0.1')).toEqual({ status: 200, body: { region: 'DE' }, cache: 'private, no-store' });
    expect((await region({ header: 'X-Vercel-IP-Country' }, { 'x-vercel-ip-country': 'US', 'x-vercel-ip-country-region': 'CA' }, '10.0.0.1')).body).toEqual({ region: 'US-CA' });
    expect((await region({ header: 'CloudFront-Viewer-Country' }, { 'cloudfront-viewer-country': 'US', 'cloudfront-viewer-country-region': 'TX' }, '10.0.0.1')).body).toEqual({ region: 'US-TX' });
    expect((await region({ header: 'X-Country-Code' }, { 'x-country-code': 'CH' }, '10.0.0.1')).body).toEqual({ region: 'CH' });
  });

  it('a header the operator did not name is not believed; unknown and Tor are no region', async () => {
    expect((await region({ header: 'CF-IPCountry' }, { 'x-country-code': 'US' }, '10.0.0.1')).body).toEqual({ region: null });
    expect((await region({ header: 'CF-IPCountry' }, { 'cf-ipcountry': 'XX' }, '10.0.0.1')).body).toEqual({ region: null });
    expect((await region({ header: 'CF-IPCountry' }, { 'cf-ipcountry': 'T1' }, '10.0.0.1')).body).toEqual({ region: null });
    expect((await region({ header: 'CF-IPCountry' }, { 'cf-ipcountry': '<script>' }, '10.0.0.1')).body).toEqual({ region: null });
  });

  it('answers from a MaxMind-format database for the socket address, or the forwarded one behind a trusted proxy', async () => {
    expect((await region({ database }, {}, '89.160.20.7')).body).toEqual({ region: 'DE' });
    expect((await region({ database }, {}, '203.0.113.9')).body).toEqual({ region: 'US-CA' });
    expect((await region({ database }, {}, '198.51.100.1')).body).toEqual({ region: null });
    expect((await region({ database }, { 'x-forwarded-for': '81.2.69.160' }, '127.0.0.1', ['127.0.0.1'])).body).toEqual({ region: 'GB' });
    // An untrusted peer cannot choose its region by header.
    expect((await region({ database }, { 'x-forwarded-for': '81.2.69.160' }, '89.160.20.7')).body).toEqual({ region: 'DE' });
  });

  it('the header wins where it has an answer; the database fills in where it has none', async () => {
    expect((await region({ header: 'CF-IPCountry', database }, { 'cf-ipcountry': 'FR' }, '89.160.20.7')).body).toEqual({ region: 'FR' });
    expect((await region({ header: 'CF-IPCountry', database }, {}, '89.160.20.7')).body).toEqual({ region: 'DE' });
  });

  it('is 404 with the way to switch it on when neither is configured', async () => {
    const res = await region({}, {}, '10.0.0.1');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatch(/CONSENTRY_REGION_HEADER/);
  });

  it('refuses to start on an unreadable database or a malformed header name', () => {
    expect(() => createRegionResolver({ database: join(tmp.dir, 'missing.mmdb') })).toThrow(/cannot read the region database/);
    expect(() => loadConfig({ CONSENTRY_REGION_HEADER: 'CF IPCountry' })).toThrow(ServerConfigError);
    expect(loadConfig({ CONSENTRY_REGION_HEADER: 'CF-IPCountry', CONSENTRY_REGION_DATABASE: database })).toMatchObject({ regionHeader: 'CF-IPCountry', regionDatabase: database });
  });
});
