import { saleOptOut, type Consent, type OptionalCategory } from '@consentry/core';
import { render } from 'preact';
import { detectLanguage } from './language';
import { availableLanguages, buildTexts } from './notice-texts';
import { drawDeclarations } from './declaration-mount';
import { RootView } from './root-view';
import { emptyCategories, offeredCategories } from './offered';
import { createPageAids } from './page-aids';
import { keepOffEmbeds, SITE_REOPEN } from './reopen-placement';
import { css } from './styles';
import type { ConsentUI, Draft, UIOptions } from './types';
import type { ViewModel, VendorRow } from './view-model';

const NOOP_UI: ConsentUI = { show() {}, showPreferences() {}, hide() {}, destroy() {}, language: 'en' };

/**
 * Mount the banner, preferences dialog and reopen button for `consent`. Never throws into the
 * page: a failure is reported to `onError` (default `console.error`) and leaves nothing granted.
 */
export function createConsentUI(consent: Consent, options: UIOptions = {}): ConsentUI {
  const report = (error: unknown) => {
    try {
      (options.onError ?? ((e) => console.error('Consentry UI:', e)))(error);
    } catch {
      // an onError that throws must not reach the page either
    }
  };
  // Every handler the page can trigger: an error is reported (onError), never thrown into the page.
  const safe =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A) => {
      try {
        fn(...args);
      } catch (error) {
        report(error);
      }
    };
  try {
    if (typeof document === 'undefined') return NOOP_UI;
    return mount(consent, options, safe);
  } catch (error) {
    report(error);
    return NOOP_UI;
  }
}

type Safe = <A extends unknown[]>(fn: (...args: A) => void) => (...args: A) => void;

function mount(consent: Consent, options: UIOptions, safe: Safe): ConsentUI {
  const { config } = consent;
  const language = detectLanguage(config.language, availableLanguages(consent, options));
  // Rebuilt on every paint: vendor details may arrive after mount (the script-tag build fetches them).
  // Without the cookie lifetimes until the dialog opens: formatting them is most of the mount's cost.
  let texts = buildTexts(consent, language, options, false);
  const t = (key: string) => texts[key] ?? '';
  const optional = config.categories.filter((c): c is OptionalCategory => c !== 'necessary');
  const vendors: VendorRow[] = Object.entries(config.vendors).map(([id, v]) => ({
    id,
    category: v.category,
    info: options.vendors?.find((info) => info.id === id),
  }));

  const host = document.createElement('consentry-ui');
  host.setAttribute('lang', language);
  host.setAttribute('data-theme', config.theme);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  if (config.nonce) style.nonce = config.nonce;
  style.textContent = css;
  const rootEl = document.createElement('div');
  rootEl.className = `r ${config.theme}`;
  rootEl.lang = language;
  shadow.append(style, rootEl);
  (options.root ?? document.body).appendChild(host);

  // A TCF page's first layer is @consentry/tcf's (the TCF Policy prescribes its content), and so is its reopen button.
  const asks = (s: string) => s === 'undecided' && kind() !== null && config.tcf === undefined;
  let status = consent.getState().status;
  // The region's rule (docs/jurisdictions.md): `none` shows no first layer; a late region may change it.
  const kind = () => {
    const rule = consent.jurisdiction.rule;
    return rule === 'opt-in' ? 'consent' : rule === 'none' ? null : rule;
  };
  let lastKind = kind();
  let banner = asks(status);
  const layout = () => (kind() === 'consent' ? config.layout : 'bar');
  let prefs: Draft | null = null;
  let opener: HTMLElement | null = null;
  let message = '';
  const aids = createPageAids(shadow, t('banner.skipLink'), language);

  const draftFromState = (): Draft => {
    const state = consent.getState();
    const draft = { vendors: {} } as Draft;
    for (const c of ['functional', 'statistics', 'targeting'] as const) draft[c] = state.choices[c];
    for (const v of vendors) draft.vendors[v.id] = state.vendors[v.id] === true;
    return draft;
  };

  const find = <E extends Element>(selector: string) => shadow.querySelector<E>(selector);
  const openModal = (dialog: HTMLDialogElement | null) => {
    if (!dialog || dialog.open) return;
    // showModal makes the rest of the page inert in real browsers; fall back to a plain open dialog.
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    dialog.focus();
  };

  let offered = offeredCategories(consent);
  const acceptAll = (source: 'banner' | 'preferences') => {
    // Everything offered, nothing that was not: an empty category stays refused (offered.ts).
    consent.acceptAll({ source, except: emptyCategories(consent, offered) });
  };

  let stopPlacing = () => {};
  // The site's own reopen controls, wherever and whenever they are rendered.
  const onSiteReopen = safe((event: Event) => {
    const control = (event.target as Element | null)?.closest?.(SITE_REOPEN);
    if (!control) return;
    event.preventDefault();
    showPreferences(control as HTMLElement);
  });
  document.addEventListener('click', onSiteReopen);

  const paint = () => {
    offered = offeredCategories(consent);
    texts = buildTexts(consent, language, options, prefs !== null);
    for (const row of vendors) row.info = options.vendors?.find((info) => info.id === row.id);
    const vm: ViewModel = {
      t,
      layout: layout(),
      kind: kind() ?? 'notice',
      categories: offered,
      vendors,
      banner,
      prefs,
      // A site that placed its own control ([data-consentry-reopen], e.g. in its footer) gets no floating one.
      reopen: !banner && !prefs && (status === 'decided' || kind() === null) && config.tcf === undefined && !document.querySelector(SITE_REOPEN) ? (config.reopenButton?.position ?? null) : null,
      status: message,
      acceptAll: safe((source) => decide(() => acceptAll(source), source)),
      rejectAll: safe((source) => decide(() => consent.rejectAll({ source }), source)),
      customize: safe((event) => showPreferences(event.currentTarget as HTMLElement)),
      doNotSell,
      toggleCategory: safe((category) => {
        if (!prefs) return;
        const on = !prefs[category];
        prefs[category] = on;
        for (const v of vendors) if (v.category === category) prefs.vendors[v.id] = on;
        paint();
      }),
      toggleVendor: safe((id) => {
        if (!prefs) return;
        const on = !prefs.vendors[id];
        prefs.vendors[id] = on;
        const category = vendors.find((v) => v.id === id)?.category;
        // A vendor cannot run while its category is refused, so switching one on switches both.
        if (on && category) prefs[category] = true;
        paint();
      }),
      save: safe(() => {
        if (!prefs) return;
        const draft = prefs;
        const choices: Partial<Record<OptionalCategory, boolean>> = {};
        for (const c of optional) choices[c] = draft[c];
        decide(() => consent.update({ ...choices, vendors: { ...draft.vendors } }, { source: 'preferences' }), 'preferences');
      }),
      closePrefs: safe(() => closePreferences()),
    };
    render(<RootView vm={vm} />, rootEl);
    stopPlacing();
    stopPlacing = vm.reopen ? keepOffEmbeds(() => find<HTMLElement>('.o'), vm.reopen === 'bottom-right') : () => {};
    drawDeclarations(consent, language, options, (from) => showPreferences(from));
    aids.update(banner && layout() !== 'modal' ? find<HTMLElement>('.b') : null);
    if (banner && layout() === 'modal' && !prefs) openModal(find<HTMLDialogElement>('dialog.b'));
  };

  const doNotSell = safe(() => decide(() => consent.update(saleOptOut(), { source: 'banner' }), 'banner'));
  // The site's own "Do not sell or share" link (its footer, every page): `<a href="#" data-consentry-do-not-sell>`.
  const onPageClick = (event: Event) => {
    if (!(event.target as Element | null)?.closest?.('[data-consentry-do-not-sell]')) return;
    event.preventDefault();
    doNotSell();
  };
  document.addEventListener('click', onPageClick);

  const decide = (act: () => void, source: 'banner' | 'preferences') => {
    const hadFocus = shadow.activeElement !== null;
    act();
    status = consent.getState().status;
    banner = asks(status);
    if (source === 'preferences') {
      message = t('preferences.saved');
      closePreferences();
    } else {
      paint();
      // The clicked button is gone; keep keyboard users near the UI rather than at the page top.
      if (hadFocus) find<HTMLElement>('.o')?.focus();
    }
  };

  const closePreferences = () => {
    if (!prefs) return;
    prefs = null;
    const back = opener;
    opener = null;
    paint();
    (back?.isConnected ? back : find<HTMLElement>('.o'))?.focus();
  };

  const showPreferences = (from?: HTMLElement) => {
    if (!prefs) opener = from ?? (shadow.activeElement as HTMLElement | null) ?? (document.activeElement as HTMLElement | null);
    prefs = draftFromState();
    message = '';
    paint();
    openModal(find<HTMLDialogElement>('dialog.d'));
  };

  const unsubscribe = consent.subscribe(
    safe(() => {
      // The declaration shows the current choices: any decision redraws it.
      drawDeclarations(consent, language, options, (from) => showPreferences(from));
      const next = consent.getState().status;
      const k = kind();
      if (next === status && k === lastKind) return;
      status = next;
      lastKind = k;
      const shown = next === 'undecided' && k !== null;
      // A reset or a new config revision asks again; a decision made elsewhere (API) hides the banner.
      banner = shown && config.tcf === undefined;
      paint();
    }),
  );

  paint();
  // Disclosures that arrive after mount (the script tag fetches them) complete the declaration.
  options.settled?.then(safe(() => drawDeclarations(consent, language, options, (from) => showPreferences(from))), () => {});

  return {
    language,
    show: safe(() => {
      banner = true;
      paint();
    }),
    showPreferences: safe((from?: HTMLElement) => showPreferences(from)),
    hide: safe(() => {
      banner = false;
      prefs = null;
      opener = null;
      paint();
    }),
    destroy: safe(() => {
      unsubscribe();
      document.removeEventListener('click', onPageClick);
      stopPlacing();
      document.removeEventListener('click', onSiteReopen);
      render(null, rootEl);
      aids.update(null);
      host.remove();
    }),
  };
}
