// @vitest-environment-options {"url":"https://www.shop.example.com/a/page","settings":{"handleDisabledFileLoadingAsSuccess":true}}
import { beforeEach, describe, expect, it } from 'vitest';
import { defineVendor, fill, installStub, runSteps } from './engine.js';
import type { VendorManifest } from './manifest.js';
import { resetPage, scriptUrls } from './test-utils/helpers.js';

const w = window as unknown as Record<string, unknown>;
const values = (params: Record<string, string> = {}, defaults: Record<string, string> = {}) => ({ params, defaults, context: { dataLayerName: 'dl2' } });
const base: VendorManifest = { id: 'x', name: 'X', category: 'statistics', kind: 'analytics', purpose: 'Measures things for a test of the engine.', privacyPolicy: 'https://x.example/privacy', hosts: ['x.example'], cookies: [] };

beforeEach(() => {
  resetPage();
  for (const key of ['xq', 'xa', 'x_pdata', 'xo', 'xs']) delete w[key];
});

describe('templates', () => {
  it('fills params, defaults and context, encoding in URLs unless raw', () => {
    const v = values({ id: 'a b/c', site: 'https://t.example/m' }, { region: 'eu1' });
    expect(fill('https://{region}.x.example/{id}.js?l={@layer}', v, true)).toBe('https://eu1.x.example/a%20b%2Fc.js?l=dl2');
    expect(fill('{site|dir}x.js', v, true)).toBe('https://t.example/m/x.js');
    expect(fill('https://x.example/{id|raw}', v, true)).toBe('https://x.example/a b/c');
    expect(fill('{id|0:1}-{id|2:}', v, true)).toBe('a-b/c');
    expect(fill({ n: '{n|num}', both: ['{missing,id}', '{@path}'] }, values({ n: '42', id: 'i' }))).toEqual({ n: 42, both: ['i', '/a/page'] });
    expect(typeof fill('{@now}', v)).toBe('number');
  });
});

describe('steps', () => {
  it('calls a function by path with its owner as this, and does nothing when it is absent (no throw)', () => {
    const seen: unknown[] = [];
    w.xo = { n: 1, go(this: { n: number }, ...args: unknown[]) { seen.push(this.n, ...args); } };
    runSteps([{ call: 'xo.go', args: ['{id}'] }, { call: 'nothing.here', args: [1] }, { call: 'xo.missing' }], values({ id: 'A' }));
    expect(seen).toEqual([1, 'A']);
  });

  it('calls only when the `when` path is truthy, calling it if it is a function', () => {
    const seen: string[] = [];
    w.xo = { loaded: false, optedOut: () => true, go: (s: string) => seen.push(s) };
    runSteps([{ call: 'xo.go', args: ['a'], when: 'xo.loaded' }, { call: 'xo.go', args: ['b'], when: 'xo.optedOut' }], values());
    expect(seen).toEqual(['b']);
  });

  it('pushes onto a queue it makes, keeps a queue with push, wraps a lone object, and sets paths', () => {
    runSteps([{ push: 'xq', items: [['a'], { b: '{id}' }] }, { set: 'xs.deep.v', value: '{id|num}' }, { set: 'xs.deep.v', value: 9, keep: true }], values({ id: '7' }));
    expect(w.xq).toEqual([['a'], { b: '7' }]);
    expect(w.xs).toEqual({ deep: { v: 7 } });
    w.xa = { only: 1 };
    runSteps([{ push: 'xa', items: [2] }], values());
    expect(w.xa).toEqual([{ only: 1 }, 2]);
  });
});

describe('the one command-queue stub', () => {
  it('queues calls until the client sets its forward method, then hands them on', () => {
    expect(installStub({ name: 'xq', forward: 'run', props: { version: '1.1' } })).toBe(true);
    const stub = w.xq as ((...a: unknown[]) => void) & { queue: unknown[][]; version: string; run?: (...a: unknown[]) => void };
    stub('init', 1);
    expect(stub.queue).toEqual([['init', 1]]);
    expect(stub.version).toBe('1.1');
    const handed: unknown[][] = [];
    stub.run = (...a) => handed.push(a);
    stub('track');
    expect(handed).toEqual([['track']]);
    expect(installStub({ name: 'xq' })).toBe(false); // already there: kept
  });

  it('has the array form with methods and a queue kept in another global', () => {
    installStub({ name: 'xa', array: true, methods: ['track'] });
    (w.xa as { track: (...a: unknown[]) => unknown }).track('e', { p: 1 });
    expect(Array.from(w.xa as unknown[])).toEqual([['track', 'e', { p: 1 }]]);
    installStub({ name: 'xo', queueGlobal: 'x_pdata' });
    (w.xo as (...a: unknown[]) => void)('hit');
    expect(w.x_pdata).toEqual([['hit']]);
  });
});

describe('defineVendor', () => {
  it('runs stub, init and script in order, once per page, and skips when the site pasted the snippet', () => {
    const def = defineVendor({ ...base, stubs: [{ name: 'xq' }], init: [{ call: 'xq', args: ['init', '{id}'] }], script: { src: 'https://x.example/t.js?id={id}', data: { site: '{id}' } } });
    def.load!({ id: 'S1' }, { nonce: 'n' });
    expect(scriptUrls()).toEqual(['https://x.example/t.js?id=S1']);
    expect(document.querySelector('script')!.getAttribute('data-site')).toBe('S1');
    expect((w.xq as { queue: unknown[] }).queue).toEqual([['init', 'S1']]);
    def.load!({ id: 'S1' }, {}); // the stub is there: the client is on its way, no second script
    expect(scriptUrls()).toHaveLength(1);
    resetPage();
    w.xs = 1;
    defineVendor({ ...base, skip: ['xs'], script: { src: 'https://x.example/t.js' } }).load!({}, {});
    expect(scriptUrls()).toEqual([]);
  });

  it('makes hostParam data with its default, and tells the consent steps without throwing when the client is absent', () => {
    const def = defineVendor({ ...base, hostParam: 'url', defaults: { url: 'https://eu.x.example' }, params: { url: { type: 'string' } }, consent: { granted: [{ call: 'xo.on' }], denied: [{ call: 'xo.off' }] } });
    expect(def.hostParam).toEqual({ name: 'url', default: 'https://eu.x.example' });
    expect(() => def.consent!(false, {})).not.toThrow();
    expect(def.load).toBeUndefined();
  });
});
