import { createConsent, createMemoryCookies, type ConsentConfig } from '@consentry/core';
import { afterEach, describe, expect, it } from 'vitest';
import { declarationHtml, buildDeclaration } from './declaration';
import { de } from './i18n/de';
import { es } from './i18n/es';
import { et } from './i18n/et';
import { fr } from './i18n/fr';
import { lt } from './i18n/lt';
import { lv } from './i18n/lv';
import { pl } from './i18n/pl';
import { ru } from './i18n/ru';
import { LANGUAGES } from './language';
import { baseConfig, setup, vendorInfo } from './test-utils/setup';
import type { Translation, VendorInfo } from './types';

const tables: Record<string, Translation> = { lv, ru, et, lt, de, fr, es, pl };

// The demo's own service, as siteServices() hands it to the UI.
const siteLanguage: VendorInfo = {
  id: 'site-language',
  name: 'Site language',
  category: 'functional',
  purpose: 'Remembers the language you chose.',
  own: true,
  cookies: [
    { name: 'site_lang', duration: '1 year' },
    { name: 'draft-*', duration: 'persistent', kind: 'localStorage' },
  ],
};
const config = (language: string): ConsentConfig => ({
  ...baseConfig,
  language,
  vendors: {
    ...baseConfig.vendors,
    'site-language': { category: 'functional', name: { en: 'Site language', lv: 'Vietnes valoda' }, cookies: [{ name: 'site_lang', lifetime: '1 year' }] },
  },
});
const options = { vendors: [...vendorInfo, siteLanguage], texts: tables };

afterEach(() => {
  document.body.innerHTML = '';
});

/** Each vendor's name and its `cookie: lifetime` lines, as the dialog shows them. */
function fromDialog(shadow: ShadowRoot) {
  return Array.from(shadow.querySelectorAll('[data-consentry-vendor]')).map((v) => ({
    vendor: v.getAttribute('data-consentry-vendor'),
    name: v.querySelector('h4')!.textContent,
    purpose: v.querySelector('p')?.textContent ?? '',
    cookies: Array.from(v.querySelectorAll('li')).map((li) => li.textContent),
  }));
}
/** The same, read back from the declaration's tables. */
function fromDeclaration(root: Element, own: string) {
  const out = new Map<string, { vendor: string; name: string; purpose: string; cookies: string[] }>();
  for (const row of Array.from(root.querySelectorAll('tbody tr[data-vendor]'))) {
    const id = row.getAttribute('data-vendor')!;
    const [name, , provider, purpose, lifetime] = [row.querySelector('th')!, ...Array.from(row.querySelectorAll('td'))].map((c) => c.textContent!);
    const entry = out.get(id) ?? { vendor: id, name: provider!.replace(` (${own})`, ''), purpose: purpose!, cookies: [] };
    entry.cookies.push(`${name}: ${lifetime}`);
    out.set(id, entry);
  }
  return [...out.values()];
}

describe('the cookie declaration', () => {
  it.each([...LANGUAGES])('in %s: one accessible table per category, the same names, purposes and lifetimes as the dialog', (lang) => {
    const target = document.createElement('div');
    target.setAttribute('data-consentry-declaration', '');
    document.body.append(target);
    const { shadow, ui } = setup(config(lang), options);
    expect(ui.language).toBe(lang);
    ui.showPreferences();
    const dialog = fromDialog(shadow);
    const own = (lang === 'en' ? undefined : tables[lang]!['declaration.thisSite']) ?? 'This website';
    const declared = fromDeclaration(target, own);
    expect(declared.map((d) => d.vendor).sort()).toEqual(dialog.map((d) => d.vendor).sort());
    for (const d of declared) {
      const shown = dialog.find((x) => x.vendor === d.vendor)!;
      expect(d.cookies, `${lang} ${d.vendor}`).toEqual(shown.cookies);
      expect(d.purpose).toBe(shown.purpose);
      // A catalog vendor is its own provider; the site's own service is the site's, under its name.
      expect(d.name).toBe(shown.name);
    }
    // real tables: a caption per category, column headers, a row header per cookie
    const captions = Array.from(target.querySelectorAll('table > caption')).map((c) => c.textContent);
    const titles = Array.from(shadow.querySelectorAll('[data-consentry-category] h3')).map((h) => h.textContent);
    expect(captions).toEqual(titles);
    for (const table of Array.from(target.querySelectorAll('table'))) {
      expect(table.querySelectorAll('thead th[scope="col"]')).toHaveLength(6);
      expect(table.querySelectorAll('tbody tr').length).toBe(table.querySelectorAll('tbody th[scope="row"]').length);
    }
    // no shadow root: the site's CSS styles it
    expect(target.shadowRoot).toBeNull();
    if (lang !== 'en') expect(target.textContent).not.toContain('Lifetime');
  });

  it("lists Consentry's own cookie under necessary, and the visitor's state, consent id, date and a change button", () => {
    const target = document.createElement('div');
    target.setAttribute('data-consentry-declaration', '');
    document.body.append(target);
    const { consent, shadow } = setup(config('lv'), options);
    const necessary = target.querySelector('table[data-category="necessary"] tbody tr')!;
    expect(Array.from(necessary.children).map((c) => c.textContent)).toEqual(['consentry', 'Sīkdatne', 'Šī vietne', lv['declaration.consentCookie'], '365 dienas; 182 dienas pēc atteikuma', lv['category.necessary.title']]);
    expect(target.textContent).toContain(lv['declaration.undecided']);
    consent.acceptAll();
    const state = target.querySelector('[data-consentry-declaration-state]')!;
    expect(state.getAttribute('data-consentry-declaration-state')).toBe('decided');
    expect(state.querySelector('code')!.textContent).toBe(consent.getState().consentId);
    expect(state.querySelector('li[data-category="statistics"]')!.textContent).toBe(`${lv['category.statistics.title']}: Atļauts`);
    const change = state.querySelector('button')!;
    expect(change.textContent).toBe('Mainīt piekrišanu');
    change.click();
    expect(shadow.querySelector('dialog.d')!.hasAttribute('open')).toBe(true);
    consent.update({ statistics: false }, { source: 'api' });
    expect(target.querySelector('li[data-category="statistics"]')!.textContent).toBe(`${lv['category.statistics.title']}: Nav atļauts`);
  });

  it('as static HTML, text only: a config string cannot become markup', () => {
    const consent = createConsent(
      { categories: { functional: {} }, vendors: { evil: { category: 'functional', name: '<img src=x onerror=alert(1)>', cookies: [{ name: 'a', lifetime: 'session' }] } } },
      { cookies: createMemoryCookies(), gpc: false, secure: false },
    );
    const html = declarationHtml(buildDeclaration(consent, 'en', { vendors: [{ id: 'evil', name: '<img src=x onerror=alert(1)>', category: 'functional', purpose: '', own: true, cookies: [{ name: 'a', duration: 'session' }] }] }));
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<caption>Functional</caption>');
    expect(html).toContain('<th scope="row">a</th>');
  });
});
