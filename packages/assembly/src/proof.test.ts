import { createConsent, createMemoryCookies } from '@consentry/core';
import { getNoticeTexts } from '@consentry/ui';
import { describe, expect, it, vi } from 'vitest';
import { startProof, type ProofModule } from './proof.js';

const engine = (extra: Record<string, unknown> = {}) =>
  createConsent({ categories: { statistics: {} }, ...extra }, { cookies: createMemoryCookies(), gpc: false, secure: false });
const withProof = { proof: { endpoint: 'https://consent.example.com/v1/consents' } };
const flush = () => new Promise((r) => setTimeout(r, 5));

/** A proof file whose client notes each decision it is handed and the language of its notice. */
function recorder() {
  const seen: string[] = [];
  const mod: ProofModule = {
    getNoticeTexts,
    // The recorder hands its client each decision through the client's `record` door.
    createProofClient: (() => ({
      record: async (e: { state: { method?: string } }, notice: { language: string }) => void seen.push(`${e.state.method}:${notice.language}`),
      getReceipts: () => [],
    })) as unknown as ProofModule['createProofClient'],
  };
  return { seen, mod };
}

describe('startProof', () => {
  it('never fetches the proof client for a config without `proof`', async () => {
    const load = vi.fn(() => null);
    const consent = engine();
    startProof(consent, load);
    consent.acceptAll();
    await flush();
    expect(load).not.toHaveBeenCalled();
  });

  it('is one recorder per engine (React StrictMode mounts twice), loading the client once', async () => {
    const { seen, mod } = recorder();
    const load = vi.fn(() => mod);
    const consent = engine(withProof);
    const a = startProof(consent, load);
    expect(startProof(consent, load)).toBe(a);
    a.attach({ shown: () => ({ language: 'en', options: {} }), settled: async () => ({ options: {} }) });
    consent.rejectAll();
    consent.acceptAll();
    await flush();
    expect(load).toHaveBeenCalledTimes(1);
    expect(seen).toEqual(['reject-all:en', 'accept-all:en']);
  });

  it('keeps decisions made before anything was shown until the disclosures have settled, in order', async () => {
    const { seen, mod } = recorder();
    const consent = engine(withProof);
    const handle = startProof(consent, () => mod);
    let settle: () => void = () => {};
    const settled = new Promise<void>((r) => (settle = r));
    let mounted = false;
    handle.attach({ shown: () => (mounted ? { language: 'en', options: {} } : null), settled: () => settled.then(() => ({ options: {} })) });
    consent.rejectAll(); // before the UI mounted: waits for the settled texts
    mounted = true;
    consent.acceptAll(); // on the banner: its texts are taken now, but it is sent after the first
    await flush();
    expect(seen).toEqual([]);
    settle();
    await flush();
    expect(seen).toEqual(['reject-all:en', 'accept-all:en']);
  });
});
