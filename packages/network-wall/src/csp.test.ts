import { describe, expect, it } from 'vitest';
import { ConsentryConfigError } from '@consentry/core';
import { createCspPolicy, cspFor, cspMiddleware } from './csp.js';
import { CONFIG, cookieAfter } from './test-utils/cookies.js';

const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `))?.split(' ').slice(1) ?? [];
const FETCH = ['default-src', 'script-src', 'img-src', 'connect-src', 'frame-src', 'font-src', 'style-src', 'worker-src'];

describe('cspFor: a per-visitor policy from the consent cookie', () => {
  it('lists only first party before a decision and after Reject all', () => {
    for (const cookie of [undefined, '', cookieAfter('rejectAll'), 'consentry=1.tampered']) {
      const policy = cspFor(cookie, CONFIG);
      for (const d of FETCH) {
        const sources = directive(policy, d);
        expect(sources[0], d).toBe("'self'");
        expect(sources.filter((s) => /facebook|google/.test(s)), d).toEqual([]);
      }
    }
  });

  it('lists the granted vendors hosts (with their subdomains) in every fetch directive, and no others', () => {
    const policy = cspFor(cookieAfter({ statistics: true, targeting: false }), CONFIG);
    for (const d of ['script-src', 'connect-src', 'img-src', 'frame-src']) {
      const sources = directive(policy, d);
      expect(sources).toEqual(expect.arrayContaining(['google-analytics.com', '*.google-analytics.com', 'www.googletagmanager.com/gtag/']));
      expect(sources.filter((s) => /facebook/.test(s))).toEqual([]);
      // A catalog vendor the config does not list is never let in.
      expect(sources.filter((s) => /hotjar/.test(s))).toEqual([]);
    }
    const all = cspFor(cookieAfter('acceptAll'), CONFIG);
    expect(directive(all, 'img-src')).toEqual(expect.arrayContaining(['facebook.com', '*.facebook.com', 'connect.facebook.net']));
  });

  it('uses the nonce for inline scripts and styles, else unsafe-inline; keeps object-src none and base-uri self', () => {
    const withNonce = cspFor(undefined, CONFIG, { nonce: 'R4nd0m' });
    expect(directive(withNonce, 'script-src')).toEqual(["'self'", "'nonce-R4nd0m'"]);
    expect(directive(withNonce, 'style-src')).toEqual(["'self'", "'nonce-R4nd0m'"]);
    expect(directive(cspFor(undefined, CONFIG), 'script-src')).toContain("'unsafe-inline'");
    expect(withNonce).toContain("object-src 'none'");
    expect(withNonce).toContain("base-uri 'self'");
    // The per-request nonce of a built policy.
    expect(directive(createCspPolicy(CONFIG)(undefined, 'N2'), 'script-src')).toContain("'nonce-N2'");
  });

  it("adds the site's own origins, and refuses a source that would write a directive of its own", () => {
    const policy = cspFor(undefined, CONFIG, { allow: ['cdn.shop.example'], directives: { 'img-src': ['https://images.example.net'] } });
    expect(directive(policy, 'connect-src')).toContain('cdn.shop.example');
    expect(directive(policy, 'img-src')).toContain('https://images.example.net');
    expect(() => cspFor(undefined, CONFIG, { allow: ["cdn.example; script-src 'unsafe-eval'"] })).toThrow(/not a CSP source/);
    expect(() => cspFor(undefined, CONFIG, { nonce: 'a b' })).toThrow(/nonce/);
  });

  it('throws the config error with its path for an invalid config', () => {
    expect(() => createCspPolicy({ vendors: { 'meta-pixle': { id: '1' } } })).toThrow(ConsentryConfigError);
  });
});

describe('cspMiddleware', () => {
  const run = (cookie: string | undefined, vary?: string) => {
    const headers = new Map<string, string>(vary ? [['Vary', vary]] : []);
    let nextCalled = false;
    cspMiddleware(CONFIG, { nonceOf: () => 'abc' })({ headers: { cookie } }, { setHeader: (k, v) => headers.set(k, v), getHeader: (k) => headers.get(k) }, () => (nextCalled = true));
    return { headers, nextCalled };
  };

  it("sets the visitor's policy and Vary: Cookie, then calls next", () => {
    const { headers, nextCalled } = run(cookieAfter('acceptAll'), 'Accept-Encoding');
    expect(nextCalled).toBe(true);
    expect(headers.get('Content-Security-Policy')).toContain('connect.facebook.net');
    expect(headers.get('Content-Security-Policy')).toContain("'nonce-abc'");
    expect(headers.get('Vary')).toBe('Accept-Encoding, Cookie');
    expect(run(undefined).headers.get('Content-Security-Policy')).not.toContain('facebook');
    expect(run(undefined, 'cookie').headers.get('Vary')).toBe('cookie');
  });
});
