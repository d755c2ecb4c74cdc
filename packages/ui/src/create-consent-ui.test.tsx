import { createConsent, createMemoryCookies } from '@consentry/core';
import { within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConsentUI } from './create-consent-ui';
import { baseConfig, setup, vendorInfo } from './test-utils/setup';

afterEach(() => {
  document.body.innerHTML = '';
  document.documentElement.removeAttribute('style');
});

function switchNamed(view: ReturnType<typeof setup>['view'], name: string) {
  return view.getByRole('switch', { name });
}

describe('banner', () => {
  it('shows the banner in an open shadow root when no decision is stored', () => {
    const { host, view, consent } = setup();
    expect(consent.getState().status).toBe('undecided');
    expect(host.parentElement).toBe(document.body);
    expect(host.shadowRoot?.mode).toBe('open');
    const region = view.getByRole('region', { name: 'We use cookies' });
    expect(region.tagName).toBe('SECTION');
    expect(view.getByRole('link', { name: 'Privacy policy' }).getAttribute('href')).toBe('/privacy');
    expect(view.getByRole('link', { name: 'Cookie policy' }).getAttribute('href')).toBe('/cookies');
  });

  it('names on the first layer only the purposes the site configured', () => {
    const all = setup();
    // in running text after the colon, as English writes a list (the dialog's headings stay capitalised)
    expect(all.view.getByRole('list', { name: 'Optional cookies:' }).textContent).toBe('functionalstatisticstargeting');
    document.body.innerHTML = '';
    const { view } = setup({ ...baseConfig, categories: { statistics: {} }, vendors: { 'google-analytics': { id: 'G-TEST123', category: 'statistics' } } });
    const items = within(view.getByRole('list', { name: 'Optional cookies:' })).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['statistics']);
  });

  it('does not show the banner when a decision is stored, but offers the reopen button', () => {
    const cookies = createMemoryCookies();
    createConsent(baseConfig, { cookies, gpc: false, secure: false }).rejectAll();
    const { view } = setup(baseConfig, {}, cookies);
    expect(view.queryByRole('region')).toBeNull();
    expect(view.getByRole('button', { name: 'Cookie settings' })).toBeTruthy();
  });

  it('"Accept all" grants every configured category and vendor, from the banner', () => {
    const { view, consent } = setup();
    const decisions: string[] = [];
    consent.on('decision', (e) => decisions.push(e.source));
    view.getByRole('button', { name: 'Accept all' }).click();
    const state = consent.getState();
    expect(state.status).toBe('decided');
    expect(state.method).toBe('accept-all');
    expect(state.choices).toEqual({ necessary: true, functional: true, statistics: true, targeting: true });
    expect(state.vendors).toEqual({ 'google-analytics': true, 'meta-pixel': true });
    expect(decisions).toEqual(['banner']);
    expect(view.queryByRole('region')).toBeNull();
  });

  it('"Reject all" grants nothing optional, from the banner', () => {
    const { view, consent } = setup();
    const decisions: string[] = [];
    consent.on('decision', (e) => decisions.push(e.source));
    view.getByRole('button', { name: 'Reject all' }).click();
    const state = consent.getState();
    expect(state.method).toBe('reject-all');
    expect(state.choices).toEqual({ necessary: true, functional: false, statistics: false, targeting: false });
    expect(state.vendors).toEqual({ 'google-analytics': false, 'meta-pixel': false });
    expect(decisions).toEqual(['banner']);
  });

  it('"Customize" opens the dialog without deciding anything', () => {
    const { view, consent } = setup();
    view.getByRole('button', { name: 'Customize' }).click();
    expect(view.getByRole('dialog', { name: 'Cookie preferences' })).toBeTruthy();
    expect(consent.getState().status).toBe('undecided');
  });

  it('shows the banner again when the state becomes undecided (reset)', () => {
    const { view, consent } = setup();
    view.getByRole('button', { name: 'Accept all' }).click();
    expect(view.queryByRole('region')).toBeNull();
    consent.reset();
    expect(view.getByRole('region', { name: 'We use cookies' })).toBeTruthy();
    expect(view.queryByRole('button', { name: 'Cookie settings' })).toBeNull();
  });

  it('hides the banner when a decision is made through the API', () => {
    const { view, consent } = setup();
    consent.rejectAll({ source: 'api' });
    expect(view.queryByRole('region')).toBeNull();
  });

  it('show(), hide() and destroy() control what is on the page', () => {
    const { ui, view, consent } = setup();
    ui.hide();
    expect(view.queryByRole('region')).toBeNull();
    expect(consent.getState().status).toBe('undecided');
    ui.show();
    expect(view.getByRole('region')).toBeTruthy();
    ui.destroy();
    expect(document.querySelector('consentry-ui')).toBeNull();
    expect(document.body.querySelector('a')).toBeNull();
    consent.acceptAll();
    consent.reset();
    expect(document.querySelector('consentry-ui')).toBeNull();
  });

  it('puts the CSS in a <style> inside the shadow root, with the config nonce', () => {
    const { shadow } = setup({ ...baseConfig, nonce: 'n0nce' });
    const style = shadow.querySelector('style');
    expect(style?.nonce).toBe('n0nce');
    expect(style?.textContent).toContain('--consentry-bg');
    expect(document.head.querySelector('style')).toBeNull();
  });

  it('applies theme and layout from config', () => {
    const { host, shadow } = setup({ ...baseConfig, theme: 'dark', layout: 'box' });
    expect(host.getAttribute('data-theme')).toBe('dark');
    expect(shadow.querySelector('.r')?.className).toBe('r dark');
    expect(shadow.querySelector('section.b')?.classList.contains('box')).toBe(true);
  });

  it('renders the modal layout as a modal dialog that holds focus', () => {
    const { view, shadow } = setup({ ...baseConfig, layout: 'modal' });
    const dialog = view.getByRole('dialog', { name: 'We use cookies' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(shadow.activeElement).toBe(dialog);
  });

  it('reports failures to onError instead of throwing into the page', () => {
    const onError = vi.fn();
    const broken = { config: baseConfig } as never;
    expect(() => createConsentUI(broken, { onError })).not.toThrow();
    expect(onError).toHaveBeenCalled();
  });
});

describe('preferences dialog', () => {
  it('lists every configured category, with necessary on and locked', () => {
    const { ui, view } = setup();
    ui.showPreferences();
    const necessary = switchNamed(view, 'Necessary');
    expect(necessary.getAttribute('aria-checked')).toBe('true');
    expect(necessary.getAttribute('aria-disabled')).toBe('true');
    necessary.click();
    expect(necessary.getAttribute('aria-checked')).toBe('true');
    for (const name of ['Functional', 'Statistics', 'Targeting']) {
      const sw = switchNamed(view, name);
      expect(sw.tagName).toBe('BUTTON');
      // no pre-ticked boxes
      expect(sw.getAttribute('aria-checked')).toBe('false');
    }
    expect(switchNamed(view, 'Statistics').getAttribute('aria-describedby')).toBeTruthy();
  });

  it('hides categories the config leaves out', () => {
    const { ui, view } = setup({ ...baseConfig, categories: { statistics: {} }, vendors: { 'google-analytics': { id: 'G-TEST123', category: 'statistics' } } });
    ui.showPreferences();
    expect(view.queryByRole('switch', { name: 'Functional' })).toBeNull();
    expect(view.getByRole('switch', { name: 'Statistics' })).toBeTruthy();
  });

  it('shows each vendor with purpose, cookies with lifetimes, privacy link and its own switch', () => {
    const { ui, view } = setup();
    ui.showPreferences();
    const ga = view.getByRole('group', { name: 'Google Analytics' });
    expect(ga.textContent).toContain('Measures how visitors use the site.');
    expect(ga.textContent).toContain('_ga: 2 years');
    expect(ga.textContent).toContain('_gid: 1 day');
    expect(ga.querySelector('a')?.getAttribute('href')).toBe('https://policies.google.com/privacy');
    expect(switchNamed(view, 'Google Analytics').getAttribute('aria-checked')).toBe('false');
    // a javascript: URL from data never becomes a link
    expect(view.getByRole('group', { name: 'Meta Pixel' }).querySelector('a')).toBeNull();
  });

  it('"Save preferences" stores exactly the switched categories and vendors', () => {
    const { ui, view, consent } = setup();
    const sources: string[] = [];
    consent.on('decision', (e) => sources.push(e.source));
    ui.showPreferences();
    switchNamed(view, 'Statistics').click();
    expect(switchNamed(view, 'Google Analytics').getAttribute('aria-checked')).toBe('true');
    switchNamed(view, 'Functional').click();
    view.getByRole('button', { name: 'Save preferences' }).click();
    const state = consent.getState();
    expect(state.method).toBe('custom');
    expect(state.choices).toEqual({ necessary: true, functional: true, statistics: true, targeting: false });
    expect(state.vendors).toEqual({ 'google-analytics': true, 'meta-pixel': false });
    expect(sources).toEqual(['preferences']);
    expect(view.queryByRole('dialog')).toBeNull();
    expect(view.getByRole('status').textContent).toBe('Your cookie choices have been saved.');
  });

  it('a vendor switch can be refused inside a granted category, and switching a vendor on grants its category', () => {
    const { ui, view, consent } = setup();
    ui.showPreferences();
    switchNamed(view, 'Meta Pixel').click();
    expect(switchNamed(view, 'Targeting').getAttribute('aria-checked')).toBe('true');
    switchNamed(view, 'Statistics').click();
    switchNamed(view, 'Google Analytics').click();
    view.getByRole('button', { name: 'Save preferences' }).click();
    expect(consent.isGranted('statistics')).toBe(true);
    expect(consent.isGranted({ vendor: 'google-analytics' })).toBe(false);
    expect(consent.isGranted({ vendor: 'meta-pixel' })).toBe(true);
  });

  it('"Accept all" and "Reject all" in the dialog decide with source preferences', () => {
    const { ui, view, consent } = setup();
    const sources: string[] = [];
    consent.on('decision', (e) => sources.push(`${e.source}:${e.state.method}`));
    ui.showPreferences();
    // the banner behind the modal dialog is inert; act inside the dialog
    within(view.getByRole('dialog')).getByRole('button', { name: 'Accept all' }).click();
    expect(consent.getState().choices.targeting).toBe(true);
    ui.showPreferences();
    within(view.getByRole('dialog')).getByRole('button', { name: 'Reject all' }).click();
    expect(consent.getState().choices).toEqual({ necessary: true, functional: false, statistics: false, targeting: false });
    expect(sources).toEqual(['preferences:accept-all', 'preferences:reject-all']);
  });

  it('opens with the visitor\'s current choices', () => {
    const { ui, view, consent } = setup();
    consent.update({ statistics: true, vendors: { 'google-analytics': true } });
    ui.showPreferences();
    expect(switchNamed(view, 'Statistics').getAttribute('aria-checked')).toBe('true');
    expect(switchNamed(view, 'Google Analytics').getAttribute('aria-checked')).toBe('true');
    expect(switchNamed(view, 'Targeting').getAttribute('aria-checked')).toBe('false');
  });

  it('closing the dialog decides nothing and discards unsaved switches', () => {
    const { ui, view, consent } = setup();
    ui.showPreferences();
    switchNamed(view, 'Targeting').click();
    view.getByRole('button', { name: 'Close' }).click();
    expect(view.queryByRole('dialog')).toBeNull();
    expect(consent.getState().status).toBe('undecided');
    ui.showPreferences();
    expect(switchNamed(view, 'Targeting').getAttribute('aria-checked')).toBe('false');
  });
});

describe('reopen button', () => {
  it('withdraws in as many clicks as it took to consent', () => {
    const { view, consent } = setup();
    view.getByRole('button', { name: 'Accept all' }).click();
    view.getByRole('button', { name: 'Cookie settings' }).click();
    view.getByRole('button', { name: 'Reject all' }).click();
    expect(consent.getState().choices.statistics).toBe(false);
    expect(consent.getState().method).toBe('reject-all');
  });

  it('sits bottom-left by default and bottom-right when configured', () => {
    const left = setup();
    left.consent.acceptAll();
    expect(left.view.getByRole('button', { name: 'Cookie settings' }).className).toBe('btn o');
    document.body.innerHTML = '';
    const right = setup({ ...baseConfig, reopenButton: { position: 'bottom-right' } });
    right.consent.acceptAll();
    expect(right.view.getByRole('button', { name: 'Cookie settings' }).className).toBe('btn o right');
  });

  it('a site that places its own control ([data-consentry-reopen], e.g. in its footer) gets no floating button; its control opens the dialog', () => {
    const footer = document.createElement('footer');
    footer.innerHTML = '<a href="#" data-consentry-reopen><span>Cookie settings</span></a>';
    document.body.append(footer);
    const { view, consent, ui } = setup();
    consent.acceptAll();
    expect(view.queryByRole('button', { name: 'Cookie settings' })).toBeNull();
    footer.querySelector('span')!.click();
    expect(view.getByRole('dialog')).toBeTruthy();
    ui.destroy();
  });

  it('can be turned off when the site links to showPreferences() itself', () => {
    const { view, consent, ui } = setup({ ...baseConfig, reopenButton: false });
    consent.acceptAll();
    expect(view.queryByRole('button', { name: 'Cookie settings' })).toBeNull();
    ui.showPreferences();
    expect(view.getByRole('dialog')).toBeTruthy();
  });
});

it('passes vendor metadata through options, not through @consentry/vendors', () => {
  const { ui, view } = setup(baseConfig, { vendors: [] });
  ui.showPreferences();
  // without metadata a configured vendor is still listed, by id, with its own switch
  expect(view.getByRole('switch', { name: 'google-analytics' })).toBeTruthy();
  expect(vendorInfo.length).toBe(2);
});
