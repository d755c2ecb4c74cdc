// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createConsent } from './consent.js';
import { resolveConfig } from './config.js';
import { createMemoryCookies } from './memory-cookies.js';
import { getCookie, readConsent } from './ssr.js';

const config = { revision: 4, vendors: { hotjar: { category: 'statistics' as const } } };
const NOW = Date.UTC(2026, 10, 23);

function decidedValue() {
  const cookies = createMemoryCookies();
  const consent = createConsent(config, { cookies, now: () => NOW, gpc: false });
  consent.update({ statistics: true, functional: true });
  return { value: cookies.get('consentry')!, state: consent.getState() };
}

describe('readConsent (SSR)', () => {
  it('runs without a DOM', () => {
    expect(typeof document).toBe('undefined');
  });

  it('reads the decision from a real Cookie header with several cookies', () => {
    const { value, state } = decidedValue();
    const header = `_ga=GA1.2.1234567890.1700000000; session=abc%20def; consentry=${encodeURIComponent(value)}; theme="dark"; lang=lv`;
    expect(readConsent(header, config, { now: () => NOW })).toEqual(state);
  });

  it('accepts an already resolved config', () => {
    const { value, state } = decidedValue();
    expect(readConsent(`consentry=${value}`, resolveConfig(config), { now: () => NOW })).toEqual(state);
  });

  it.each([undefined, null, '', 'consentry=', 'consentry=%E0%A4%A', 'consentry=garbage; other=1', '=;;;==;consentry'])(
    'returns the undecided state for %j',
    (header) => {
      const s = readConsent(header, config, { now: () => NOW });
      expect(s).toMatchObject({ status: 'undecided', consentId: null, revision: 4 });
      expect(s.choices).toEqual({ necessary: true, functional: false, statistics: false, targeting: false });
    },
  );

  it('re-prompts when the decision has lapsed', () => {
    const { value } = decidedValue();
    expect(readConsent(`consentry=${value}`, config, { now: () => NOW + 366 * 864e5 }).status).toBe('undecided');
  });

  it('uses the configured cookie name', () => {
    const cookies = createMemoryCookies();
    const named = { ...config, cookie: { name: 'cc' } };
    createConsent(named, { cookies, now: () => NOW }).acceptAll();
    expect(readConsent(`consentry=x; cc=${cookies.get('cc')}`, named, { now: () => NOW }).status).toBe('decided');
  });
});

describe('getCookie', () => {
  it('finds a cookie among others and decodes it', () => {
    expect(getCookie('a=1; b=x%3Dy; c=3', 'b')).toBe('x=y');
    expect(getCookie('ab=1; b=2', 'b')).toBe('2');
    expect(getCookie('a=1', 'b')).toBeUndefined();
  });
});
