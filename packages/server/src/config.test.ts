import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, ServerConfigError } from './config.js';
import { createRateLimiter } from './rate-limit.js';
import { tempDir } from './test-utils/fixtures.js';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 8787,
      host: '127.0.0.1',
      dataDir: resolve('./consentry-data'),
      databaseUrl: null,
      adminToken: null,
      allowedOrigins: [],
      rateLimit: 60,
      signingKeyPath: resolve('./consentry-data/signing-key.pem'),
      storeIp: 'truncated',
      retentionDays: 730,
      trustedProxies: [],
      chain: 'main',
      regionHeader: null,
      regionDatabase: null,
      gvl: null,
    });
  });

  it('reads every variable', () => {
    const c = loadConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      CONSENTRY_DATA_DIR: '/var/lib/consentry',
      DATABASE_URL: 'postgres://u@db/consent',
      CONSENTRY_ADMIN_TOKEN: 'a-long-admin-token',
      CONSENTRY_ALLOWED_ORIGINS: 'https://a.example, https://b.example/',
      CONSENTRY_RATE_LIMIT: '0',
      CONSENTRY_STORE_IP: 'none',
      CONSENTRY_RETENTION_DAYS: '400',
      CONSENTRY_TRUSTED_PROXIES: '10.0.0.5, 10.1.0.0/16,2001:db8::/32',
      CONSENTRY_CHAIN: 'eu-1',
    });
    expect(c).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      signingKeyPath: '/var/lib/consentry/signing-key.pem',
      databaseUrl: 'postgres://u@db/consent',
      allowedOrigins: ['https://a.example', 'https://b.example'],
      rateLimit: 0,
      storeIp: 'none',
      retentionDays: 400,
      trustedProxies: ['10.0.0.5', '10.1.0.0/16', '2001:db8::/32'],
      chain: 'eu-1',
    });
  });

  it('keeps records for two years unless told otherwise; 0 keeps them for ever', () => {
    expect(loadConfig({}).retentionDays).toBe(730);
    expect(loadConfig({ CONSENTRY_RETENTION_DAYS: '0' }).retentionDays).toBeNull();
  });

  it('lets a config file fill what the environment leaves unset', () => {
    const tmp = tempDir();
    const file = join(tmp.dir, 'consentry.json');
    writeFileSync(file, JSON.stringify({ PORT: 9100, CONSENTRY_RATE_LIMIT: 5 }));
    expect(loadConfig({ CONSENTRY_RATE_LIMIT: '7' }, file)).toMatchObject({ port: 9100, rateLimit: 7 });
    tmp.remove();
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ CONSENTRY_RATE_LIMIT: '-1' }, 'CONSENTRY_RATE_LIMIT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ CONSENTRY_STORE_IP: 'full' }, 'CONSENTRY_STORE_IP'],
    [{ CONSENTRY_ADMIN_TOKEN: 'short' }, 'CONSENTRY_ADMIN_TOKEN'],
    [{ CONSENTRY_TRUSTED_PROXIES: '10.0.0.0/33' }, 'CONSENTRY_TRUSTED_PROXIES'],
    [{ CONSENTRY_TRUSTED_PROXIES: 'proxy.internal' }, 'CONSENTRY_TRUSTED_PROXIES'],
    [{ CONSENTRY_TRUST_PROXY: '1' }, 'CONSENTRY_TRUSTED_PROXIES'],
  ])('refuses %j naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ServerConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});

describe('createRateLimiter', () => {
  it('allows N per minute per key, then asks to wait until the window ends', () => {
    let t = 0;
    const limiter = createRateLimiter(2, () => t);
    expect([limiter.hit('a'), limiter.hit('a'), limiter.hit('b')]).toEqual([0, 0, 0]);
    t = 15_000;
    expect(limiter.hit('a')).toBe(45);
    t = 60_000;
    expect(limiter.hit('a')).toBe(0);
  });

  it('is off at 0', () => {
    const limiter = createRateLimiter(0);
    for (let i = 0; i < 1000; i++) expect(limiter.hit('a')).toBe(0);
  });
});
