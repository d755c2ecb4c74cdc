import { consentLifetimes, type Category, type Consent, type ResolvedConfig } from '@consentry/core';
import { en } from './i18n/en';
import { buildTexts, type NoticeOptions } from './notice-texts';
import { offeredCategories } from './offered';
import { formatDuration } from './format-duration';
import { primaryTag } from './language';
import type { VendorInfo } from './types';

/** One cookie or storage key in the declaration. */
export interface DeclarationRow {
  name: string;
  type: string;
  provider: string;
  purpose: string;
  lifetime: string;
  category: string;
  /** The config vendor it belongs to (absent for Consentry's own cookie). */
  vendor?: string;
}
export interface DeclarationTable {
  category: Category;
  title: string;
  rows: DeclarationRow[];
}
export interface Declaration {
  language: string;
  /** Column headers, in order: name, type, provider, purpose, lifetime, category. */
  headers: string[];
  tables: DeclarationTable[];
  /** The declaration's own words (state, consent id, date, change button) in `language`. */
  words: Record<string, string>;
}

const COLUMNS = ['name', 'type', 'provider', 'purpose', 'lifetime', 'category'] as const;

/**
 * The cookie declaration as data, from the very texts the dialog shows (`buildTexts`): one table per
 * offered category, a row per cookie or storage key of each configured vendor, and Consentry's own
 * consent cookie under "necessary". `options` are the UI's (vendor disclosures, language tables).
 */
export function buildDeclaration(consent: Consent, language: string, options: NoticeOptions = {}): Declaration {
  const texts = buildTexts(consent, language, options);
  const words: Record<string, string> = {};
  for (const key of Object.keys(en)) {
    if (!key.startsWith('declaration.')) continue;
    let word = (en as Record<string, string>)[key]!;
    for (const [lang, table] of Object.entries(options.texts ?? {})) if (primaryTag(lang) === language && table[key as keyof typeof table]) word = table[key as keyof typeof table];
    for (const [lang, table] of Object.entries(consent.config.texts)) if (primaryTag(lang) === language && table[key]) word = table[key];
    words[key.slice('declaration.'.length)] = word;
  }
  const { config } = consent;
  const tables: DeclarationTable[] = [];
  for (const category of offeredCategories(consent)) {
    const title = texts[`category.${category}.title`] ?? category;
    const rows: DeclarationRow[] = [];
    if (category === 'necessary') rows.push(consentCookieRow(config, language, texts, words, title));
    for (const vendor of Object.values(config.vendors)) {
      if (vendor.category !== category) continue;
      const info = options.vendors?.find((v) => v.id === vendor.id);
      rows.push(...vendorRows(vendor.id, info, texts, words, title));
    }
    tables.push({ category, title, rows });
  }
  return { language, headers: COLUMNS.map((c) => words[c]!), tables, words };
}

function consentCookieRow(config: ResolvedConfig, language: string, texts: Record<string, string>, words: Record<string, string>, title: string): DeclarationRow {
  return {
    name: config.cookie.name,
    type: words['kind.cookie']!,
    provider: words['thisSite']!,
    purpose: words['consentCookie']!,
    lifetime: consentCookieLifetime(config, language, texts, words),
    category: title,
  };
}

/** A refusal may be kept for a shorter time (core's policy): the table says both. */
function consentCookieLifetime(config: ResolvedConfig, language: string, texts: Record<string, string>, words: Record<string, string>): string {
  const days = consentLifetimes(config);
  const granted = formatDuration(`${days.granted} days`, language, texts);
  if (days.refused === days.granted) return granted;
  return words['refusalLifetime']!.replace('{granted}', granted).replace('{refused}', formatDuration(`${days.refused} days`, language, texts));
}

function vendorRows(id: string, info: VendorInfo | undefined, texts: Record<string, string>, words: Record<string, string>, title: string): DeclarationRow[] {
  const prefix = `vendor.${id}.`;
  const name = texts[`${prefix}name`] ?? id;
  // The site's own service: the site is the provider; the service keeps its name beside it.
  const base = { provider: info?.own ? `${name} (${words['thisSite']})` : name, purpose: texts[`${prefix}purpose`] ?? '', category: title, vendor: id };
  const cookies = info?.cookies ?? [];
  // A vendor that keeps nothing in the browser is still named: it is what the visitor consents to.
  if (cookies.length === 0) return [{ ...base, name: '—', type: '—', lifetime: words['none']! }];
  return cookies.map((c) => ({
    ...base,
    name: c.name,
    type: words[`kind.${c.kind ?? 'cookie'}`]!,
    // The same phrasing as the dialog's cookie list.
    lifetime: texts[`${prefix}cookie.${c.name}`] ?? String(c.duration),
  }));
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The declaration's tables as static HTML (every config string escaped), for pages rendered on a server. */
export function declarationHtml(declaration: Declaration): string {
  const head = `<thead><tr>${declaration.headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>`;
  return declaration.tables
    .map(
      (t) =>
        `<table class="consentry-declaration" data-category="${esc(t.category)}" lang="${esc(declaration.language)}">\n<caption>${esc(t.title)}</caption>\n${head}\n<tbody>\n${t.rows
          .map((r) => `<tr><th scope="row">${esc(r.name)}</th>${COLUMNS.slice(1).map((c) => `<td>${esc(r[c])}</td>`).join('')}</tr>`)
          .join('\n')}\n</tbody>\n</table>`,
    )
    .join('\n');
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
};

/**
 * Renders the declaration into `target` with DOM APIs (text only, no shadow root: the site's CSS
 * styles it), followed by the visitor's current state and a button that reopens the dialog.
 */
export function renderDeclaration(target: Element, consent: Consent, declaration: Declaration, change: (opener: HTMLElement) => void): void {
  const nodes: Node[] = [];
  for (const t of declaration.tables) {
    const table = el('table', undefined, { class: 'consentry-declaration', 'data-category': t.category });
    table.append(el('caption', t.title));
    const headRow = el('tr');
    for (const h of declaration.headers) headRow.append(el('th', h, { scope: 'col' }));
    const head = el('thead');
    head.append(headRow);
    table.append(head);
    const body = el('tbody');
    for (const r of t.rows) {
      const row = el('tr', undefined, r.vendor ? { 'data-vendor': r.vendor } : {});
      row.append(el('th', r.name, { scope: 'row' }));
      for (const c of COLUMNS.slice(1)) row.append(el('td', r[c]));
      body.append(row);
    }
    table.append(body);
    nodes.push(table);
  }
  nodes.push(stateSection(consent, declaration, change));
  target.replaceChildren(...nodes);
  target.setAttribute('lang', declaration.language);
}

function stateSection(consent: Consent, declaration: Declaration, change: (opener: HTMLElement) => void): HTMLElement {
  const { words, language } = declaration;
  const state = consent.getState();
  const box = el('div', undefined, { 'data-consentry-declaration-state': state.status });
  if (state.status === 'undecided') box.append(el('p', words['undecided']));
  else {
    box.append(el('p', `${words['state']}:`));
    const list = el('ul');
    for (const t of declaration.tables) {
      if (t.category === 'necessary') continue;
      list.append(el('li', `${t.title}: ${state.choices[t.category] ? words['allowed'] : words['refused']}`, { 'data-category': t.category }));
    }
    box.append(list);
    const id = el('p', `${words['consentId']}: `);
    id.append(el('code', state.consentId ?? ''));
    box.append(id);
    let date = '';
    try {
      date = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(state.decidedAt ?? 0);
    } catch {
      date = new Date(state.decidedAt ?? 0).toISOString();
    }
    box.append(el('p', `${words['date']}: ${date}`));
  }
  const button = el('button', words['change'], { type: 'button', 'data-consentry-action': 'change-consent' });
  button.addEventListener('click', () => change(button));
  box.append(button);
  return box;
}
