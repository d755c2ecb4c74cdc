import { catalog, toCatalogLookup, type VendorDefinition } from '@consentry/vendors';
import { createConsent, createMemoryCookies } from '@consentry/core';
import { stage2 as stageTwo } from '@consentry/assembly';
import { getNoticeTexts } from '@consentry/ui';
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
    experience: async () => stageTwo,
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
    const api = createConsentryApi(parts({ experience: async () => null }));
    api.init(config());
    await flush();
    expect(banner()).toBeNull();
    expect(api.isGranted('statistics')).toBe(false);
  });

  it('records a decision made before the proof client arrived, with the texts shown at that moment', async () => {
    let deliver: (f: Factory) => void = () => {};
    const proofFile = new Promise<Factory>((r) => (deliver = r)).then((createProofClient) => ({ createProofClient, getNoticeTexts }));
    const api = createConsentryApi(parts({ proof: () => proofFile }));
    api.init(config({ proof: { endpoint: 'https://consent.example.com/v1/consents' } }));
    await flush();
    api.rejectAll();
    const seen: Array<{ method: string; language: string }> = [];
    deliver((() => ({
      record: async (event: { state: { method?: string } }, notice: { language: string }) => void seen.push({ method: event.state.method ?? '', language: notice!.language }),
      getReceipts: () => [{ recordId: 'r1' }],
    })) as unknown as Factory);
    await flush();
    expect(seen).toEqual([{ method: 'reject-all', language: 'en' }]);
    api.acceptAll(); // later decisions go through the same queue, in order
    await flush();
    expect(seen.map((s) => s.method)).toEqual(['reject-all', 'accept-all']);
    expect(api.getReceipts()).toEqual([{ recordId: 'r1' }]);
  });
});

describe('stage 1 keeps what happens before stage 2 arrives', () => {
  const proofConfig = () => config({ proof: { endpoint: 'https://consent.example.com/v1/consents' } });
  /** A proof file whose client only notes what it is handed. */
  const recordingProof = (seen: Array<{ method: string; vendors: string }>) => async () => ({
    getNoticeTexts,
    createProofClient: (() => ({
      record: async (event: { state: { method?: string } }, notice: { texts: Record<string, string> }) =>
        void seen.push({ method: event.state.method ?? '', vendors: Object.keys(notice.texts).filter((k) => k.startsWith('vendor.')).join() }),
      getReceipts: () => [],
    })) as unknown as Factory,
  });

  it('records a decision made through the API before the banner has mounted', async () => {
    let arrive: () => void = () => {};
    const stage2 = new Promise<typeof stageTwo>((r) => (arrive = () => r(stageTwo)));
    const seen: Array<{ method: string; vendors: string }> = [];
    const api = createConsentryApi(parts({ experience: () => stage2, proof: recordingProof(seen) }));
    api.init(proofConfig());
    api.rejectAll(); // stage 2 has not arrived: no banner yet
    api.acceptAll();
    await flush();
    expect(banner()).toBeNull();
    expect(seen.map((s) => s.method)).toEqual(['reject-all', 'accept-all']);
    arrive();
    await flush();
    expect(document.querySelector('consentry-ui')).not.toBeNull();
  });

  it('records a decision made on a page whose UI file failed to load', async () => {
    const seen: Array<{ method: string; vendors: string }> = [];
    const api = createConsentryApi(parts({ experience: async () => null, proof: recordingProof(seen) }));
    api.init(proofConfig());
    await flush();
    api.update({ statistics: true });
    await flush();
    expect(banner()).toBeNull();
    expect(seen.map((s) => s.method)).toEqual(['custom']);
  });

  it("names the vendors in an early decision's notice once their files have arrived", async () => {
    const ga = deferredVendor('google-analytics');
    const seen: Array<{ method: string; vendors: string }> = [];
    const api = createConsentryApi(parts({ vendor: () => ga.promise, experience: async () => null, proof: recordingProof(seen) }));
    api.init(proofConfig());
    api.acceptAll();
    await flush();
    expect(seen).toEqual([]); // waits for the disclosure, so the record names every vendor that can run
    ga.arrive();
    await flush();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.vendors).toContain('google-analytics');
  });

  it('opens the dialog asked for through the API before stage 2 arrived', async () => {
    let arrive: () => void = () => {};
    const stage2 = new Promise<typeof stageTwo>((r) => (arrive = () => r(stageTwo)));
    // GA's disclosure arrives, so statistics has a vendor to offer (an empty category is not shown).
    const api = createConsentryApi(parts({ experience: () => stage2, vendor: async () => catalog['google-analytics']! }));
    api.init(config());
    api.showPreferences();
    arrive();
    await flush();
    const dialog = document.querySelector('consentry-ui')!.shadowRoot!.querySelector('dialog.d') as HTMLDialogElement;
    expect(dialog.open).toBe(true);
  });
});

describe('shared with the React provider', () => {
  it('re-reads consent when the tab becomes visible again (another tab may have decided)', async () => {
    const api = createConsentryApi(parts());
    api.init(config());
    expect(api.getConsent()!.status).toBe('undecided');
    // Another tab of the same site decides: the cookie changes under this page, with no message
    // from this page's own engines (another tab's engine is not on this page).
    const jar = createMemoryCookies();
    createConsent(config(), { cookies: jar, catalog: toCatalogLookup(catalog) }).acceptAll();
    document.cookie = `consentry=${jar.get('consentry')}; path=/`;
    expect(api.getConsent()!.status).toBe('undecided');
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(api.getConsent()!.status).toBe('decided');
    expect(api.isGranted('statistics')).toBe(true);
  });
});

describe('lazy files', () => {
  it('the inline vendor index is the compact form of the whole catalog', async () => {
    const { encodeCatalog } = await import('@consentry/vendors');
    expect(VENDOR_INDEX).toBe(encodeCatalog(catalog));
  });
});
