import { catalog, type VendorDefinition } from '@consentry/vendors';
import { createConsentUI, getNoticeTexts } from '@consentry/ui';
import type { createProofClient } from '@consentry/proof';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConsentryApi, type ConsentryParts } from './consentry.js';
import { VENDOR_INDEX } from './vendor-index.js';

type Factory = typeof createProofClient;
const flush = () => new Promise((r) => setTimeout(r, 5));
const config = (extra: Record<string, unknown> = {}) => ({
  categories: { statistics: {}, targeting: {} },
  vendors: { 'google-analytics': { id: 'G-ABC123' } },
  ...extra,
});

/** A vendor file that arrives when the test says so, with a loader that only counts. */
function deferredVendor(id: string) {
  const calls: string[] = [];
  let deliver: (def: VendorDefinition | null) => void = () => {};
  const def: VendorDefinition = { ...catalog[id]!, load: (params) => void calls.push(String(params.id)) };
  const promise = new Promise<VendorDefinition | null>((r) => (deliver = r));
  return { calls, def, promise, arrive: () => deliver(def), fail: () => deliver(null) };
}

function parts(over: Partial<ConsentryParts> = {}): ConsentryParts {
  return {
    index: VENDOR_INDEX,
    vendor: async () => null,
    language: async () => null,
    proof: async () => null,
    ui: async () => ({ createConsentUI, getNoticeTexts }),
    ...over,
  };
}

let errors: unknown[][];
beforeEach(() => {
  errors = [];
  vi.spyOn(console, 'error').mockImplementation((...args) => void errors.push(args));
  for (const c of document.cookie.split(';')) document.cookie = `${c.split('=')[0]!.trim()}=; max-age=0; path=/`;
  document.body.innerHTML = '';
});
afterEach(() => vi.restoreAllMocks());

const banner = () => document.querySelector('consentry-ui')?.shadowRoot?.querySelector('.b') ?? null;

describe('the script-tag glue with lazy parts', () => {
  it('runs a configured vendor only once its file has arrived and it is granted', async () => {
    const ga = deferredVendor('google-analytics');
    const api = createConsentryApi(parts({ vendor: (id) => (id === 'google-analytics' ? ga.promise : Promise.resolve(null)) }));
    expect(api.init(config())).toBe(true);
    api.acceptAll();
    await flush();
    expect(ga.calls).toEqual([]); // granted, but the definition has not arrived
    ga.arrive();
    await flush();
    expect(ga.calls).toEqual(['G-ABC123']);
    api.update({ statistics: true });
    await flush();
    expect(ga.calls).toEqual(['G-ABC123']); // never twice
  });

  it('never runs a vendor whose file cannot load, and says so', async () => {
    const ga = deferredVendor('google-analytics');
    const api = createConsentryApi(parts({ vendor: () => ga.promise }));
    api.init(config());
    api.acceptAll();
    ga.fail();
    await flush();
    expect(ga.calls).toEqual([]);
    expect(api.isGranted('google-analytics')).toBe(true); // the choice stands; only the code stays off
    api.showPreferences();
    const dialog = document.querySelector('consentry-ui')!.shadowRoot!.querySelector('dialog.d')!;
    expect(dialog.textContent).toContain('Google Analytics'); // named from the inline index
  });

  it('keeps a vendor with a malformed id off and names the path, while the rest of the SDK runs', async () => {
    const ga = deferredVendor('google-analytics');
    const api = createConsentryApi(parts({ vendor: () => ga.promise }));
    expect(api.init(config({ vendors: { 'google-analytics': { id: 'UA-1234-1' } } }))).toBe(true);
    ga.arrive();
    api.acceptAll();
    await flush();
    expect(ga.calls).toEqual([]);
    expect(errors.flat().join(' ')).toContain('vendors.google-analytics.id: malformed value "UA-1234-1"; expected a GA4 measurement id like G-XXXXXXX');
  });

  it('still rejects unknown vendors and options up front: the whole SDK fails closed', () => {
    const api = createConsentryApi(parts());
    expect(api.init(config({ vendors: { 'meta-pixle': { id: '1' } } }))).toBe(false);
    expect(errors.flat().join(' ')).toContain('vendors.meta-pixle: unknown vendor; did you mean meta-pixel?');
    api.acceptAll();
    expect(api.isGranted('statistics')).toBe(false);
  });

  it('shows vendor details that arrive after the banner in the preferences dialog', async () => {
    const ga = deferredVendor('google-analytics');
    const api = createConsentryApi(parts({ vendor: () => ga.promise }));
    api.init(config());
    await flush();
    expect(banner()).not.toBeNull();
    ga.arrive();
    await flush();
    api.showPreferences();
    const dialog = document.querySelector('consentry-ui')!.shadowRoot!.querySelector('dialog.d')!;
    expect(dialog.textContent).toContain(catalog['google-analytics']!.purpose);
    expect(dialog.textContent).toContain('_ga');
  });

  it('shows no banner and grants nothing when the UI file cannot load', async () => {
    const api = createConsentryApi(parts({ ui: async () => null }));
    api.init(config());
    await flush();
    expect(banner()).toBeNull();
    expect(api.isGranted('statistics')).toBe(false);
  });

  it('records a decision made before the proof client arrived, with the texts shown at that moment', async () => {
    let deliver: (f: Factory) => void = () => {};
    const proofFile = new Promise<Factory>((r) => (deliver = r));
    const api = createConsentryApi(parts({ proof: () => proofFile }));
    api.init(config({ proof: { endpoint: 'https://consent.example.com/v1/consents' } }));
    await flush();
    api.rejectAll();
    const seen: Array<{ method: string; language: string }> = [];
    deliver(((consent, options) => {
      consent.on('decision', (event) => void seen.push({ method: event.state.method ?? '', language: options.getNotice().language }));
      return { getReceipts: () => [{ recordId: 'r1' }] } as never;
    }) as Factory);
    await flush();
    expect(seen).toEqual([{ method: 'reject-all', language: 'en' }]);
    api.acceptAll(); // later decisions go straight through
    expect(seen.map((s) => s.method)).toEqual(['reject-all', 'accept-all']);
    expect(api.getReceipts()).toEqual([{ recordId: 'r1' }]);
  });
});

describe('lazy files', () => {
  it('the inline vendor index is the compact form of the whole catalog', async () => {
    const { encodeCatalog } = await import('@consentry/vendors');
    expect(VENDOR_INDEX).toBe(encodeCatalog(catalog));
  });
});
