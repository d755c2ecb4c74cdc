import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from './i18n/en';
import { lv } from './i18n/lv';
import { ru } from './i18n/ru';
import { getNoticeTexts } from './notice-texts';
import { baseConfig, setup, vendorInfo } from './test-utils/setup';

afterEach(() => {
  document.body.innerHTML = '';
  document.documentElement.removeAttribute('lang');
  vi.restoreAllMocks();
});

const XSS = '<img src=x onerror=alert(1)>';

describe('texts in the UI', () => {
  it('renders English by default and sets lang on the UI root', () => {
    const { ui, host, shadow, view } = setup({ ...baseConfig, language: 'auto' });
    expect(ui.language).toBe('en');
    expect(host.getAttribute('lang')).toBe('en');
    expect(shadow.querySelector('.r')?.getAttribute('lang')).toBe('en');
    expect(view.getByRole('button', { name: 'Reject all' })).toBeTruthy();
  });

  it('follows <html lang> when the table for that language is supplied', () => {
    document.documentElement.lang = 'lv-LV';
    const { ui, shadow, view } = setup({ ...baseConfig, language: 'auto' }, { texts: { lv, ru } });
    expect(ui.language).toBe('lv');
    expect(shadow.querySelector('.r')?.getAttribute('lang')).toBe('lv');
    expect(view.getByRole('button', { name: 'Noraidīt visas' })).toBeTruthy();
    expect(view.getByRole('region', { name: 'Mēs izmantojam sīkdatnes' })).toBeTruthy();
  });

  it('does not switch to a language whose table was not loaded (no half-English banner)', () => {
    document.documentElement.lang = 'lv';
    const { ui } = setup({ ...baseConfig, language: 'auto', texts: { lv: { 'banner.title': 'Sīkdatnes' } } });
    expect(ui.language).toBe('en');
  });

  it('overrides any string per language from config texts', () => {
    const { view } = setup(
      { ...baseConfig, language: 'ru', texts: { ru: { 'banner.rejectAll': 'Только необходимые' }, en: { 'banner.rejectAll': 'No' } } },
      { texts: { ru } },
    );
    expect(view.getByRole('button', { name: 'Только необходимые' })).toBeTruthy();
    expect(view.getByRole('button', { name: 'Принять все' })).toBeTruthy();
  });

  it('lets config texts add a whole language and rename a vendor\'s purpose', () => {
    const fi = Object.fromEntries(Object.keys(en).map((k) => [k, `fi:${k}`]));
    const { ui, view } = setup({
      ...baseConfig,
      language: 'fi',
      texts: { fi: { ...fi, 'vendor.google-analytics.purpose': 'Kävijätilastot' } },
    });
    expect(ui.language).toBe('fi');
    expect(view.getByRole('button', { name: 'fi:banner.acceptAll' })).toBeTruthy();
    ui.showPreferences();
    expect(view.getByRole('group', { name: 'Google Analytics' }).textContent).toContain('Kävijätilastot');
  });

  it('renders a string with markup as inert text', () => {
    const alert = vi.fn();
    vi.stubGlobal('alert', alert);
    const { shadow, view, ui } = setup({
      ...baseConfig,
      texts: { en: { 'banner.title': XSS, 'banner.description': XSS, 'category.statistics.title': XSS } },
    });
    expect(view.getByRole('heading', { name: XSS }).textContent).toBe(XSS);
    expect(shadow.querySelector('img')).toBeNull();
    ui.showPreferences();
    expect(view.getByRole('switch', { name: XSS })).toBeTruthy();
    expect(shadow.querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    expect(alert).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('ignores keys that are not in the table', () => {
    const { consent } = setup({ ...baseConfig, texts: { en: { 'banner.titel': 'x' } } });
    expect(getNoticeTexts(consent).texts['banner.titel']).toBeUndefined();
  });
});

describe('getNoticeTexts', () => {
  it('returns exactly the strings the visitor is shown', () => {
    const { consent, shadow, ui } = setup({ ...baseConfig, texts: { en: { 'banner.title': 'Cookies here' } } });
    const { language, texts } = getNoticeTexts(consent, undefined, { vendors: vendorInfo });
    expect(language).toBe('en');
    expect(texts['banner.title']).toBe('Cookies here');
    expect(texts['vendor.google-analytics.name']).toBe('Google Analytics');
    expect(texts['vendor.google-analytics.cookie._gid']).toBe('1 day');
    expect(texts['links.privacyPolicy.href']).toBe('/privacy');
    expect(texts['vendor.meta-pixel.privacyPolicy.href']).toBeUndefined();
    ui.showPreferences();
    // every rendered text node is one of the notice strings (or a cookie name / punctuation)
    const values = new Set(Object.values(texts));
    const walker = document.createTreeWalker(shadow.querySelector('.r') as Node, NodeFilter.SHOW_TEXT);
    const shown: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent?.trim()) shown.push(n.textContent.trim());
    const cookieNames = new Set(vendorInfo.flatMap((v) => v.cookies.map((c) => c.name)));
    // a folded section's summary is its notice string with the number of entries, "Cookies … (2)"
    const unexplained = shown.filter((s) => !values.has(s) && !cookieNames.has(s) && !values.has(s.replace(/^: /, '')) && !values.has(s.replace(/ \(\d+\)$/, '')) && s !== '×');
    expect(unexplained).toEqual([]);
  });

  it('leaves out categories the config hides and uses the language asked for', () => {
    const { consent } = setup({ ...baseConfig, categories: { statistics: {} }, vendors: { 'google-analytics': { id: 'G-TEST123', category: 'statistics' } } });
    const { language, texts } = getNoticeTexts(consent, 'lv-LV', { texts: { lv } });
    expect(language).toBe('lv');
    expect(texts['banner.title']).toBe(lv['banner.title']);
    expect(texts['category.statistics.title']).toBe(lv['category.statistics.title']);
    expect(texts['category.targeting.title']).toBeUndefined();
    expect(texts['category.necessary.title']).toBe(lv['category.necessary.title']);
  });

  it('falls back to English for a language without a table', () => {
    const { consent } = setup();
    expect(getNoticeTexts(consent, 'lv').language).toBe('en');
  });
});
