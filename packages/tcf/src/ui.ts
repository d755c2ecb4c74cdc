import type { GVL } from '@iabtechlabtcf/core';
import type { Tcf } from './cmp.js';
import { tcfTexts, type TcfTextKey } from './i18n.js';
import { LI_PURPOSES, type TcfChoices } from './model.js';

// The layers the TCF Policy asks for, drawn with the DOM itself: every text goes in through
// textContent (never HTML), links only to http(s) URLs. Same-weight buttons, as in Consentry's banner.
const css = `:host{all:initial}
.r{font:15px/1.45 system-ui,sans-serif;color:#1a1a1a}
.l1,.l2{position:fixed;z-index:2147483646;background:#fff;color:#1a1a1a;box-sizing:border-box;overflow:auto;box-shadow:0 0 0 1px #767676,0 4px 24px rgba(0,0,0,.3)}
.l1{left:0;right:0;bottom:0;max-height:100vh;padding:16px}
.l2{inset:0;margin:auto;max-width:720px;max-height:100vh;padding:16px}
h2{font-size:1.2em;margin:0 0 8px}h3{font-size:1.05em;margin:16px 0 4px}h4{font-size:1em;margin:8px 0 2px}
p,ul{margin:4px 0}ul{padding-left:20px}
.bs{display:flex;flex-wrap:wrap;gap:8px;margin-top:12px}
button{font:inherit;min-height:44px;min-width:44px;padding:8px 16px;border:2px solid #1a1a1a;border-radius:6px;background:#1a1a1a;color:#fff;cursor:pointer;flex:1 1 10em}
button:focus-visible,a:focus-visible,input:focus-visible,summary:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
.re{position:fixed;left:12px;bottom:12px;z-index:2147483645;flex:none;width:auto}
label{display:flex;gap:8px;align-items:flex-start;margin:4px 0;cursor:pointer}
input{width:24px;height:24px;margin:0;flex:none}
details{border-top:1px solid #767676;padding:6px 0}summary{cursor:pointer;min-height:24px;font-weight:600}
a{color:#0b57d0}.d{color:#3d3d3d;font-size:.93em}`;

type Child = Node | string | null | false | undefined;
function h(tag: string, attrs: Record<string, string | boolean> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false) continue;
    el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c) el.append(c); // strings become Text nodes: never parsed as HTML
  return el;
}
const safe = (url: unknown): string | null => (typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null);
const link = (url: unknown, text: string) => {
  const href = safe(url);
  return href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, text) : null;
};

export interface TcfUI {
  showFirstLayer(): void;
  showSecondLayer(): void;
  hide(): void;
  destroy(): void;
}

export interface TcfUIOptions {
  language: string;
  nonce?: string;
  /** Called when a layer comes on screen (the CMP API then says `cmpuishown`). */
  onShown?: () => void;
}

/** Draws the first and second layer for `tcf` once its vendor list is in. */
export function createTcfUI(tcf: Tcf, options: TcfUIOptions): TcfUI {
  const t = tcfTexts(options.language);
  const host = document.createElement('consentry-tcf');
  host.setAttribute('lang', options.language);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  if (options.nonce) style.nonce = options.nonce;
  style.textContent = css;
  const root = h('div', { class: 'r', lang: options.language });
  shadow.append(style, root);
  document.body.appendChild(host);
  let opener: HTMLElement | null = null;

  const gvl = (): GVL => {
    const g = tcf.gvl();
    if (!g) throw new Error('the vendor list is not loaded');
    return g;
  };
  const atp = tcf.config.googleAtpProviders;
  const button = (key: TcfTextKey, action: string, fn: () => void) => {
    const b = h('button', { type: 'button', 'data-consentry-tcf-action': action }, t(key));
    b.addEventListener('click', fn);
    return b;
  };
  const decide = (fn: () => void) => () => {
    fn();
    showReopen();
  };

  const usedPurposes = (g: GVL) => {
    const used = new Set<number>();
    for (const v of Object.values(g.vendors)) for (const p of [...v.purposes, ...v.legIntPurposes, ...v.flexiblePurposes]) used.add(p);
    return Object.values(g.purposes).filter((p) => used.has(p.id));
  };
  const usedSpecialFeatures = (g: GVL) => Object.values(g.specialFeatures).filter((f) => Object.values(g.vendors).some((v) => v.specialFeatures.includes(f.id)));

  function showFirstLayer() {
    const g = gvl();
    const count = Object.keys(g.vendors).length;
    const layer = h(
      'div',
      { class: 'l1', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'tcf-t1', 'data-consentry-tcf-layer': '1' },
      h('h2', { id: 'tcf-t1' }, t('title')),
      h('p', {}, t('intro', count + atp.length)),
      h('p', {}, t('vendorCount', count)),
      atp.length > 0 && h('p', {}, t('atpCount', atp.length)),
      h('h3', {}, t('purposes')),
      h('ul', {}, ...usedPurposes(g).map((p) => h('li', {}, p.name))),
      usedSpecialFeatures(g).length > 0 && h('h3', {}, t('specialFeatures')),
      usedSpecialFeatures(g).length > 0 && h('ul', {}, ...usedSpecialFeatures(g).map((f) => h('li', {}, f.name))),
      h(
        'div',
        { class: 'bs' },
        button('acceptAll', 'accept-all', decide(() => tcf.acceptAll())),
        button('rejectAll', 'reject-all', decide(() => tcf.rejectAll())),
        button('manage', 'manage', () => showSecondLayer()),
      ),
    );
    root.replaceChildren(layer);
    (layer.querySelector('button') as HTMLElement).focus();
    options.onShown?.();
  }

  function showSecondLayer() {
    const g = gvl();
    opener ??= (document.activeElement as HTMLElement | null) ?? null;
    const now: TcfChoices = tcf.choices();
    const boxes: Array<{ input: HTMLInputElement; kind: keyof TcfChoices | 'li-purpose' | 'li-vendor'; id: number }> = [];
    const box = (label: string, kind: (typeof boxes)[number]['kind'], id: number, checked: boolean) => {
      const input = h('input', { type: 'checkbox', 'data-consentry-tcf': `${kind}-${id}` }) as HTMLInputElement;
      input.checked = checked;
      boxes.push({ input, kind, id });
      return h('label', {}, input, h('span', {}, label));
    };
    const liUsed = (p: number) => Object.values(g.vendors).some((v) => v.legIntPurposes.includes(p));
    const names = (ids: number[], from: Record<string, { name: string }> | undefined) => ids.map((id) => from?.[id]?.name).filter(Boolean).join('; ');
    const days = (seconds: number | undefined) => Math.max(1, Math.round((seconds ?? 0) / 86400));
    const vendorUrl = (v: GVL['vendors'][number]) => v.urls?.find((u) => u.langId === options.language) ?? v.urls?.find((u) => u.langId === 'en') ?? v.urls?.[0];

    const layer = h(
      'div',
      { class: 'l2', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'tcf-t2', 'data-consentry-tcf-layer': '2' },
      h('h2', { id: 'tcf-t2', tabindex: '-1' }, t('settings')),
      h('h3', {}, t('purposes')),
      ...usedPurposes(g).map((p) =>
        h(
          'div',
          {},
          h('h4', {}, p.name),
          h('p', { class: 'd' }, p.description),
          box(`${t('consent')}: ${p.name}`, 'purposes', p.id, now.purposes.includes(p.id)),
          LI_PURPOSES.includes(p.id) && liUsed(p.id) && box(`${t('legInt')}: ${p.name}`, 'li-purpose', p.id, !now.purposeObjections.includes(p.id)),
        ),
      ),
      h('h3', {}, t('specialPurposes')),
      ...Object.values(g.specialPurposes).map((p) => h('div', {}, h('h4', {}, p.name), h('p', { class: 'd' }, p.description))),
      h('h3', {}, t('features')),
      ...Object.values(g.features).map((f) => h('div', {}, h('h4', {}, f.name), h('p', { class: 'd' }, f.description))),
      h('h3', {}, t('specialFeatures')),
      ...Object.values(g.specialFeatures).map((f) =>
        h('div', {}, h('h4', {}, f.name), h('p', { class: 'd' }, f.description), box(`${t('consent')}: ${f.name}`, 'specialFeatures', f.id, now.specialFeatures.includes(f.id))),
      ),
      h('h3', {}, `${t('vendors')} (${Object.keys(g.vendors).length})`),
      ...Object.values(g.vendors).map((v) => {
        const url = vendorUrl(v);
        const retention = v.dataRetention?.stdRetention;
        return h(
          'details',
          { 'data-consentry-tcf-vendor': String(v.id) },
          h('summary', {}, v.name),
          v.purposes.length > 0 && box(`${t('consent')}: ${v.name}`, 'vendors', v.id, now.vendors.includes(v.id)),
          v.legIntPurposes.length > 0 && box(`${t('legInt')}: ${v.name}`, 'li-vendor', v.id, !now.vendorObjections.includes(v.id)),
          v.purposes.length > 0 && h('p', {}, `${t('consentPurposes')}: ${names(v.purposes, g.purposes)}`),
          v.legIntPurposes.length > 0 && h('p', {}, `${t('liPurposes')}: ${names(v.legIntPurposes, g.purposes)}`),
          v.specialPurposes.length > 0 && h('p', {}, `${t('specialPurposes')}: ${names(v.specialPurposes, g.specialPurposes)}`),
          v.features.length > 0 && h('p', {}, `${t('features')}: ${names(v.features, g.features)}`),
          v.specialFeatures.length > 0 && h('p', {}, `${t('specialFeatures')}: ${names(v.specialFeatures, g.specialFeatures)}`),
          typeof retention === 'number' && h('p', {}, t('retention', retention)),
          v.usesCookies && typeof v.cookieMaxAgeSeconds === 'number' && v.cookieMaxAgeSeconds > 0 && h('p', {}, t('cookieAge', days(v.cookieMaxAgeSeconds))),
          Array.isArray(v.dataDeclaration) && v.dataDeclaration.length > 0 && h('p', {}, `${t('dataCategories')}: ${names(v.dataDeclaration, g.dataCategories as Record<string, { name: string }>)}`),
          h('p', {}, link(url?.privacy, t('privacyPolicy')), ' ', v.legIntPurposes.length > 0 && link(url?.legIntClaim, t('liClaim'))),
        );
      }),
      atp.length > 0 && h('h3', {}, `${t('atp')} (${atp.length})`),
      ...atp.map((p) => h('details', { 'data-consentry-tcf-atp': String(p.id) }, h('summary', {}, p.name), box(`${t('consent')}: ${p.name}`, 'atp', p.id, now.atp.includes(p.id)), h('p', {}, link(p.privacyPolicy, t('privacyPolicy'))))),
      h(
        'div',
        { class: 'bs' },
        button('save', 'save', decide(() => tcf.save(read()))),
        button('acceptAll', 'accept-all', decide(() => tcf.acceptAll())),
        button('rejectAll', 'reject-all', decide(() => tcf.rejectAll())),
      ),
    );
    const read = (): TcfChoices => {
      const on = (kind: string) => boxes.filter((b) => b.kind === kind && b.input.checked).map((b) => b.id);
      const objected = (kind: string) => boxes.filter((b) => b.kind === kind && !b.input.checked).map((b) => b.id);
      return {
        purposes: on('purposes'),
        specialFeatures: on('specialFeatures'),
        vendors: on('vendors'),
        // A purpose with no LI switch shown has no vendor claiming LI for it: nothing to object to.
        purposeObjections: objected('li-purpose'),
        vendorObjections: objected('li-vendor'),
        atp: on('atp'),
      };
    };
    layer.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Escape' && !tcf.needsDecision()) hide();
    });
    root.replaceChildren(layer);
    (layer.querySelector('h2') as HTMLElement).focus();
    options.onShown?.();
  }

  function showReopen() {
    const b = button('reopen', 'reopen', () => showSecondLayer());
    b.className = 're';
    root.replaceChildren(b);
    opener?.focus?.();
    opener = null;
  }

  function hide() {
    showReopen();
  }

  return {
    showFirstLayer,
    showSecondLayer,
    hide,
    destroy: () => host.remove(),
  };
}
