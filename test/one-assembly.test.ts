// @vitest-environment happy-dom
// The script tag (window.Consentry) and the React provider run the same assembly: the same parts,
// wired in the same order. Each factory is wrapped where it is defined, so the trace is what really
// ran, whichever package called it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const trace: string[] = [];
const wrap = <F extends (...args: never[]) => unknown>(name: string, fn: F): F =>
  ((...args: Parameters<F>) => (trace.push(name), fn(...args))) as F;

vi.mock('../packages/vendors/src/index.js', async (original) => {
  const m = await original<typeof import('../packages/vendors/src/index.js')>();
  return { ...m, createConsentMode: wrap('consent-mode', m.createConsentMode), createVendorLoader: wrap('vendor-loader', m.createVendorLoader) };
});
vi.mock('../packages/blocker/src/index.js', async (original) => {
  const m = await original<typeof import('../packages/blocker/src/index.js')>();
  // Stage 1 makes the blocker without the iframe gate (stage 2 hands it over).
  return { ...m, createGuardBlocker: wrap('blocker', m.createGuardBlocker) };
});
vi.mock('../packages/ui/src/index.js', async (original) => {
  const m = await original<typeof import('../packages/ui/src/index.js')>();
  return { ...m, createConsentUI: wrap('ui', m.createConsentUI) };
});
vi.mock('../packages/proof/src/index.js', async (original) => {
  const m = await original<typeof import('../packages/proof/src/index.js')>();
  return { ...m, createProofClient: wrap('proof-client', m.createProofClient) };
});

const config = {
  language: 'en',
  categories: { statistics: {}, targeting: {} },
  vendors: { 'google-analytics': { id: 'G-PARITY1' }, 'meta-pixel': { id: '1234567890' } },
  proof: { endpoint: 'https://consent.example.com/v1/consents' },
};
const settle = () => new Promise((r) => setTimeout(r, 60));

beforeEach(() => {
  trace.length = 0;
  vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{}', { status: 503 }));
  for (const c of document.cookie.split(';')) document.cookie = `${c.split('=')[0]!.trim()}=; max-age=0; path=/`;
  localStorage.clear();
  document.body.innerHTML = '';
});
afterEach(() => vi.restoreAllMocks());

async function scriptTag(): Promise<string[]> {
  const { createConsentryApi } = await import('../packages/browser/src/index.js');
  const { stage2 } = await import('../packages/assembly/src/index.js');
  const { catalog } = await import('../packages/vendors/src/index.js');
  const { createProofClient } = await import('../packages/proof/src/index.js');
  const { getNoticeTexts } = await import('../packages/ui/src/index.js');
  // The files beside consentry.min.js, handed over as the modules the build puts in them, already
  // there (as React's are); how the tag orders files that arrive late is the next test's subject.
  const api = createConsentryApi({
    vendor: (id) => catalog[id] ?? null,
    language: () => null,
    experience: () => stage2,
    proof: () => ({ createProofClient, getNoticeTexts }),
  });
  api.init(config);
  await settle();
  api.rejectAll();
  await vi.waitFor(() => expect(trace).toContain('proof-client'));
  return trace.splice(0);
}

async function provider(): Promise<string[]> {
  const React = await import('../packages/react/src/test-utils/react-env.js');
  const { createRoot } = React;
  const { ConsentProvider } = await import('../packages/react/src/index.js');
  const { googleAnalytics, metaPixel } = await import('../packages/vendors/src/index.js');
  const { createMemoryCookies } = await import('../packages/core/src/index.js');
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  const root = createRoot(document.body.appendChild(document.createElement('div')));
  const options = { cookies: createMemoryCookies(), gpc: false, secure: false };
  await React.act(async () => root.render(React.createElement(ConsentProvider, { config, options, vendors: [googleAnalytics, metaPixel] })));
  await settle();
  const banner = document.querySelector('consentry-ui')!.shadowRoot!;
  const reject = [...banner.querySelectorAll('button')].find((b) => b.textContent === 'Reject all')!;
  await React.act(async () => reject.click());
  // The proof client is a chunk of its own (a dynamic import), so it may take a moment.
  await vi.waitFor(() => expect(trace).toContain('proof-client'));
  await React.act(async () => root.unmount());
  return trace.splice(0);
}

describe('one assembly', () => {
  it('window.Consentry and <ConsentProvider> wire the same parts in the same order', async () => {
    const react = await provider(); // first: its unmount takes its blocker down (one per page)
    document.body.innerHTML = '';
    const tag = await scriptTag();
    // Consent Mode defaults → blocker → one loader per configured vendor → UI → the proof client.
    expect(tag).toEqual(['consent-mode', 'blocker', 'vendor-loader', 'vendor-loader', 'ui', 'proof-client']);
    expect(react).toEqual(tag);
  }, 30_000);

});
