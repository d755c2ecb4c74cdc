import { createConsent, createMemoryCookies } from '@consentry/core';
import { within } from '@testing-library/preact';
import { afterEach, expect, it } from 'vitest';
import { createConsentUI } from './create-consent-ui';
import { lv } from './i18n/lv';
import { getNoticeTexts } from './notice-texts';
import { vendorInfo } from './test-utils/setup';

afterEach(() => {
  document.body.innerHTML = '';
});

// A marketer switches off the only targeting vendor; nothing else on the page is targeting.
const config = {
  revision: 1,
  language: 'en',
  categories: { functional: {}, statistics: {}, targeting: {} },
  vendors: {
    'google-analytics': { id: 'G-TEST123', category: 'statistics' as const },
    'meta-pixel': { id: '1234567890', category: 'targeting' as const, enabled: false },
  },
};

function mount() {
  const consent = createConsent(config, { cookies: createMemoryCookies(), gpc: false, secure: false });
  const ui = createConsentUI(consent, { vendors: vendorInfo });
  const shadow = (document.querySelector('consentry-ui') as HTMLElement).shadowRoot as ShadowRoot;
  return { consent, ui, view: within(shadow as unknown as HTMLElement) };
}

it('does not offer a category with no enabled vendor and no markup, in the banner or the dialog', () => {
  const { ui, view } = mount();
  const purposes = within(view.getByRole('list', { name: 'Optional cookies:' })).getAllByRole('listitem');
  expect(purposes.map((li) => li.textContent)).toEqual(['statistics']);
  ui.showPreferences();
  expect(view.queryByRole('switch', { name: 'Targeting' })).toBeNull();
  expect(view.queryByRole('switch', { name: 'Functional' })).toBeNull();
  expect(view.getByRole('switch', { name: 'Statistics' })).toBeTruthy();
});

it('"Accept all" grants what was offered and nothing that was not, recorded as accept-all', () => {
  const { consent, view } = mount();
  view.getByRole('button', { name: 'Accept all' }).click();
  const state = consent.getState();
  expect(state.choices).toEqual({ necessary: true, functional: false, statistics: true, targeting: false });
  expect(state.method).toBe('accept-all');
});

it('offers a category declared by markup on the page (a gated script, or any element naming it)', () => {
  const gated = document.createElement('script');
  gated.type = 'text/plain';
  gated.setAttribute('data-category', 'functional');
  document.body.append(gated);
  const marker = document.createElement('meta');
  marker.setAttribute('data-category', 'targeting');
  document.head.append(marker);
  const { consent, view } = mount();
  const purposes = within(view.getByRole('list', { name: 'Optional cookies:' })).getAllByRole('listitem');
  expect(purposes.map((li) => li.textContent)).toEqual(['functional', 'statistics', 'targeting']);
  view.getByRole('button', { name: 'Accept all' }).click();
  expect(consent.getState().choices).toEqual({ necessary: true, functional: true, statistics: true, targeting: true });
  marker.remove();
});

it('hashes what was shown: the notice leaves the empty category out', () => {
  const { consent } = mount();
  const { texts } = getNoticeTexts(consent, 'en', { vendors: vendorInfo });
  expect(texts['category.statistics.title']).toBe('Statistics');
  expect(texts['category.targeting.title']).toBeUndefined();
});

it('shows a vendor purpose from the language table when it has one (the catalog text otherwise)', () => {
  const consent = createConsent({ ...config, language: 'lv' }, { cookies: createMemoryCookies(), gpc: false, secure: false });
  const table = { ...lv, 'vendor.google-analytics.purpose': 'Mēra, kā apmeklētāji lieto vietni.' };
  const { texts } = getNoticeTexts(consent, 'lv', { vendors: vendorInfo, texts: { lv: table } });
  expect(texts['vendor.google-analytics.purpose']).toBe('Mēra, kā apmeklētāji lieto vietni.');
  expect(texts['vendor.google-analytics.cookie._ga']).toBe('2 gadi');
});

it('folds a vendor\'s cookie table until asked for', () => {
  const { ui, view } = mount();
  ui.showPreferences();
  const ga = view.getByRole('group', { name: 'Google Analytics' });
  const fold = ga.querySelector('details.kd') as HTMLDetailsElement;
  expect(fold.open).toBe(false);
  expect(fold.querySelector('summary')?.textContent).toBe('Cookies and how long they are kept (2)');
  expect(fold.querySelector('.k')?.textContent).toContain('_ga: 2 years');
});

it('offers every listed category while a pasted tag of a vendor the config does not name is held', () => {
  const held = document.createElement('script');
  held.type = 'text/plain';
  held.setAttribute('data-vendor', 'google-tag-manager');
  held.setAttribute('data-consentry', 'held');
  document.head.append(held);
  const { view } = mount();
  const purposes = within(view.getByRole('list', { name: 'Optional cookies:' })).getAllByRole('listitem');
  expect(purposes.map((li) => li.textContent)).toEqual(['functional', 'statistics', 'targeting']);
  held.remove();
});
