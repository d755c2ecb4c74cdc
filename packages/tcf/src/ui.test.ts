import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TCString } from '@iabtechlabtcf/core';
import { createConsent, createMemoryCookies } from '@consentry/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TCF_TEXTS } from './i18n.js';
import { startTcf } from './start.js';

const fixture = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/vendor-list-v150.json'), 'utf8'));
const config = {
  cmpId: 300,
  cmpVersion: 3,
  gvl: '/consentry/gvl/',
  vendors: [10, 32, 91, 755],
  googleAtpProviders: [{ id: 89, name: 'Example ATP One', privacyPolicy: 'https://atp89.test/privacy' }],
};
const ids = (v: { forEach(cb: (value: boolean, id: number) => void): void }) => {
  const out: number[] = [];
  v.forEach((value, id) => value && out.push(id));
  return out;
};

beforeEach(() => {
  for (const c of document.cookie.split(/;\s*/)) if (c) document.cookie = `${c.split('=')[0]}=; Path=/; Max-Age=0`;
  document.body.innerHTML = '';
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(fixture))));
});
afterEach(() => vi.unstubAllGlobals());

async function mount(list = fixture) {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(list))));
  const consent = createConsent({ categories: { statistics: {}, targeting: {} }, vendors: {}, tcf: config }, { cookies: createMemoryCookies(), crossTab: false, gpc: false });
  const started = startTcf({ config, consent, language: 'en' })!;
  const ui = (await started.ui)!;
  const shadow = document.querySelector('consentry-tcf')!.shadowRoot!;
  const click = (action: string) => (shadow.querySelector(`[data-consentry-tcf-action=${action}]`) as HTMLElement).click();
  return { ...started, consent, ui, shadow, click };
}

describe('the TCF layers', () => {
  it('first layer: number of vendors (GVL and Google ATPs), the purposes, three same-weight buttons', async () => {
    const { shadow } = await mount();
    const layer = shadow.querySelector('[data-consentry-tcf-layer="1"]')!;
    expect(layer.getAttribute('role')).toBe('dialog');
    expect(layer.textContent).toContain('We and our 5 partners');
    expect(layer.textContent).toContain('Partners in the IAB Transparency and Consent Framework: 4');
    expect(layer.textContent).toContain('Google ad technology providers: 1');
    expect([...layer.querySelectorAll('li')].map((li) => li.textContent)).toContain('Use profiles to select personalised advertising');
    expect(layer.textContent).toContain('Use precise geolocation data');
    const buttons = [...layer.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Accept all', 'Reject all', 'Manage options']);
    expect(new Set(buttons.map((b) => b.className)).size).toBe(1);
  });

  it('second layer: every vendor with purposes, legitimate interests, retention, data categories and policy link', async () => {
    const { shadow, click } = await mount();
    click('manage');
    const layer = shadow.querySelector('[data-consentry-tcf-layer="2"]')!;
    for (const h of ['Purposes', 'Special purposes', 'Features', 'Special features', 'Partners (4)']) expect(layer.textContent).toContain(h);
    const google = layer.querySelector('[data-consentry-tcf-vendor="755"]')!;
    expect(google.textContent).toContain('Google Advertising Products');
    expect(google.textContent).toContain('Purposes on legitimate interest: Use limited data to select advertising; Measure advertising performance');
    expect(google.textContent).toContain('Data kept for up to 390 days');
    expect(google.textContent).toContain('Data used: IP addresses; Device characteristics');
    expect((google.querySelector('a') as HTMLAnchorElement).href).toBe('https://business.safety.google/privacy/');
    expect(layer.querySelector('[data-consentry-tcf-vendor="32"]')!.textContent).toContain('Data kept for up to 180 days');
    expect(layer.querySelector('[data-consentry-tcf-atp="89"]')!.textContent).toContain('Example ATP One');
  });

  it('a custom choice with a right to object exercised ends up in the TC string and in Consentry', async () => {
    const { shadow, click, tcf, consent } = await mount();
    click('manage');
    const box = (key: string) => shadow.querySelector(`[data-consentry-tcf="${key}"]`) as HTMLInputElement;
    box('purposes-1').click();
    box('purposes-8').checked = false;
    box('vendors-32').click();
    box('li-vendor-755').click(); // object to Google's legitimate interest
    box('li-purpose-9').click(); // object to purpose 9 on legitimate interest
    click('save');
    const decoded = TCString.decode(tcf.tcString()!);
    expect(ids(decoded.purposeConsents)).toEqual([1]);
    expect(ids(decoded.vendorConsents)).toEqual([32]);
    expect(ids(decoded.vendorLegitimateInterests)).not.toContain(755);
    expect(ids(decoded.vendorLegitimateInterests)).toContain(10);
    expect(ids(decoded.purposeLegitimateInterests)).toEqual([2, 7, 8, 10, 11]);
    expect(consent.getState()).toMatchObject({ status: 'decided', method: 'custom', choices: { targeting: false, statistics: false } });
    // The layer is gone; a reopen button brings the second layer back with the choices made.
    expect(shadow.querySelector('[data-consentry-tcf-layer]')).toBeNull();
    click('reopen');
    expect(box('vendors-32').checked).toBe(true);
    expect(box('li-vendor-755').checked).toBe(false);
  });

  it('Reject all in the first layer refuses Consentry categories and TCF alike', async () => {
    const { click, tcf, consent } = await mount();
    click('reject-all');
    expect(consent.getState()).toMatchObject({ status: 'decided', method: 'reject-all' });
    expect(ids(TCString.decode(tcf.tcString()!).purposeConsents)).toEqual([]);
  });

  it('texts from the vendor list stay text', async () => {
    const evil = structuredClone(fixture);
    evil.vendors['10'].name = '<img src=x onerror="window.pwned=1">';
    evil.vendors['10'].urls[0].privacy = 'javascript:alert(1)';
    const { shadow, click } = await mount(evil);
    click('manage');
    const v = shadow.querySelector('[data-consentry-tcf-vendor="10"]')!;
    expect(v.querySelector('img')).toBeNull();
    expect(v.querySelector('summary')!.textContent).toBe('<img src=x onerror="window.pwned=1">');
    expect([...v.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://vendor10.test/li']);
  });

  it('has every text in all 9 languages', () => {
    expect(Object.keys(TCF_TEXTS).sort()).toEqual(['de', 'en', 'es', 'et', 'fr', 'lt', 'lv', 'pl', 'ru']);
    for (const table of Object.values(TCF_TEXTS)) {
      expect(Object.keys(table).sort()).toEqual(Object.keys(TCF_TEXTS.en!).sort());
      for (const text of Object.values(table)) expect(text.trim()).not.toBe('');
    }
  });
});
