import { stage2 } from '@consentry/assembly';
import { ConsentryConfigError } from '@consentry/core';
import { catalog } from '@consentry/vendors';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi } from './api.js';
import { bakeGuard, compileConfig } from './compile.js';
import { COMPILED_FORMAT, compiledReader } from './compiled.js';

const config = {
  categories: { statistics: {}, targeting: {} },
  vendors: { 'google-analytics': { id: 'G-ABC123' }, 'meta-pixel': { id: '1234567890' } },
};
const parts = { vendor: async () => null, language: async () => null, proof: async () => null, experience: async () => stage2 };

let errors: unknown[][];
beforeEach(() => {
  errors = [];
  vi.spyOn(console, 'error').mockImplementation((...args) => void errors.push(args));
  for (const c of document.cookie.split(';')) document.cookie = `${c.split('=')[0]!.trim()}=; max-age=0; path=/`;
});
afterEach(() => vi.restoreAllMocks());

describe('compileConfig: the config checked ahead of time', () => {
  it('rejects a bad config with every issue and its path, vendor formats included', () => {
    let error: unknown;
    try {
      compileConfig({ vendors: { 'google-analytics': { id: 'UA-1234-1' }, 'meta-pixle': { id: '1' } }, cookie: { expiresDays: 900 } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConsentryConfigError);
    const paths = (error as ConsentryConfigError).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['vendors.google-analytics.id', 'vendors.meta-pixle', 'cookie.expiresDays']));
  });

  it('carries only the configured vendors by name and rules; the rest of the catalog only as hosts to hold', () => {
    const compiled = compileConfig(config);
    expect(compiled.format).toBe(COMPILED_FORMAT);
    expect(compiled.vendors).toEqual([
      ['google-analytics', catalog['google-analytics']!.name],
      ['meta-pixel', catalog['meta-pixel']!.name],
    ]);
    expect(compiled.rules.map((r) => r.id)).toEqual(['google-analytics', 'meta-pixel']);
    expect(compiled.hold.split(' ')).toEqual(expect.arrayContaining([...catalog.hotjar!.hosts]));
    expect(JSON.stringify(compiled)).not.toContain(catalog.hotjar!.name);
  });

  it('bakes the compiled config into the guard template once, script-safe', () => {
    const out = bakeGuard({ ...config, texts: { en: { 'banner.title': '</script><b>' } } }, 'a(__CONSENTRY_COMPILED__)b');
    expect(out.startsWith('a((')).toBe(true);
    expect(out).not.toContain('</script>');
    expect(JSON.parse(out.slice(3, -3)).config.texts.en['banner.title']).toBe('</script><b>');
    expect(() => bakeGuard(config, 'no marker here')).toThrow(/exactly once/);
  });
});

describe('the compiled guard reads only what the build checked', () => {
  it('starts on a compiled config and releases a granted vendor', () => {
    const api = createApi(compiledReader, parts);
    expect(api.init(JSON.parse(JSON.stringify(compileConfig(config))))).toBe(true);
    api.acceptAll();
    expect(api.isGranted('google-analytics')).toBe(true);
    expect(errors).toEqual([]);
  });

  it.each([
    ['a raw config', () => config, /compiled by consentry-build/],
    ['another format version', () => ({ ...compileConfig(config), format: 'consentry-compiled/2' }), /compiled by consentry-build/],
    ['a config edited after the build', () => {
      const c = compileConfig(config);
      c.config.categories = [...c.config.categories];
      c.config.vendors['google-analytics']!.category = 'functional';
      return c;
    }, /fingerprint/],
  ])('refuses %s: nothing is granted, and says why', (_, make, message) => {
    const api = createApi(compiledReader, parts);
    expect(api.init(make())).toBe(false);
    api.acceptAll();
    expect(api.isGranted('google-analytics')).toBe(false);
    expect(String(errors[0]?.[1])).toMatch(message);
  });
});
