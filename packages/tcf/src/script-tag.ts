// dist/tcf/tcf.js: the TCF module for the script tag, a file a TCF site adds after consentry.min.js
// (docs/tcf.md). Sites without TCF never load it, so they pay no byte for it.
import type { ConsentState } from '@consentry/core';
import { startTcf } from './start.js';

interface ConsentryGlobal {
  getConsent(): ConsentState | null;
  on: (type: 'decision', fn: (e: { state: ConsentState }) => void) => () => void;
  acceptAll(): void;
  rejectAll(): void;
  update(choices: object): void;
}

try {
  const api = (window as unknown as { Consentry?: ConsentryGlobal }).Consentry;
  const source = document.getElementById('consentry-config')?.textContent;
  const config = source ? (JSON.parse(source) as { tcf?: unknown; language?: string; nonce?: string }) : null;
  if (!api || typeof api.on !== 'function') throw new Error('window.Consentry is missing: include consentry.min.js before tcf/tcf.js');
  if (!config || config.tcf === undefined) throw new Error('the #consentry-config script has no "tcf" section');
  const language = config.language && /^[a-z]{2}/i.test(config.language) ? config.language : document.documentElement.lang || navigator.language || 'en';
  startTcf({
    config: config.tcf,
    language,
    ...(config.nonce ? { nonce: config.nonce } : {}),
    consent: {
      getState: () => api.getConsent() ?? ({ status: 'undecided' } as ConsentState),
      on: ((type: 'decision', fn: (e: { state: ConsentState }) => void) => api.on(type, fn)) as never,
      acceptAll: () => api.acceptAll(),
      rejectAll: () => api.rejectAll(),
      update: (choices) => api.update(choices),
    },
  });
} catch (error) {
  // __tcfapi stays the IAB stub: it never answers with consent.
  console.error('[consentry] TCF is off:', error instanceof Error ? error.message : error);
}
