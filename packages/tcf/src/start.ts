import type { Consent } from '@consentry/core';
import { createTcf, type Tcf } from './cmp.js';
import { TCF_LANGUAGES } from './i18n.js';
import { createTcfUI, type TcfUI } from './ui.js';

export interface StartTcfOptions {
  /** The `tcf` section of the Consentry config. */
  config: unknown;
  /** The running Consentry engine (or `window.Consentry` adapted to it). */
  consent: Pick<Consent, 'getState' | 'on' | 'acceptAll' | 'rejectAll' | 'update'>;
  /** The page's or config's language; falls back to English outside the 9 shipped. */
  language?: string;
  nonce?: string;
}

/**
 * The whole TCF module for a page: the CMP API, and the first layer when the visitor has no valid
 * TC string (or no Consentry decision). Never throws into the page: a failure is logged with what
 * to fix, and `__tcfapi` then signals no consent.
 */
export function startTcf(options: StartTcfOptions): { tcf: Tcf; ui: Promise<TcfUI | null> } | null {
  const wanted = (options.language ?? 'en').slice(0, 2).toLowerCase();
  const language = TCF_LANGUAGES.includes(wanted) ? wanted : 'en';
  let tcf: Tcf;
  try {
    tcf = createTcf({ config: options.config, consent: options.consent, language });
  } catch (error) {
    console.error('[consentry] TCF is off, __tcfapi signals no consent:', error instanceof Error ? error.message : error);
    return null;
  }
  const ui = tcf.ready.then(
    () => {
      if (!tcf.config.gdprApplies) return null;
      const whenBody = () => new Promise<void>((r) => (document.body ? r() : document.addEventListener('DOMContentLoaded', () => r(), { once: true })));
      return whenBody().then(() => {
        const view = createTcfUI(tcf, { language, ...(options.nonce ? { nonce: options.nonce } : {}), onShown: () => tcf.uiShown() });
        if (tcf.needsDecision() || options.consent.getState().status !== 'decided') view.showFirstLayer();
        else view.hide();
        return view;
      });
    },
    () => null,
  );
  return { tcf, ui };
}
