import { createConsent, createMemoryCookies, type ConsentConfig } from '@consentry/core';
import { within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createConsentUI } from './create-consent-ui';
import { baseConfig } from './test-utils/setup';

afterEach(() => {
  document.body.innerHTML = '';
});

const config: ConsentConfig = { ...baseConfig, layout: 'modal', jurisdictions: { EEA: 'opt-in', 'US-CA': 'opt-out', US: 'notice', '*': 'none' } };

function mount(region: string | undefined) {
  const consent = createConsent(config, { cookies: createMemoryCookies(), gpc: false, secure: false, region });
  const ui = createConsentUI(consent);
  const host = document.querySelector('consentry-ui')!;
  return { consent, ui, view: within(host.shadowRoot as unknown as HTMLElement) };
}

describe('the first layer follows the region rule', () => {
  it('opt-in (DE): the consent banner, modal as configured', () => {
    const { view } = mount('DE');
    expect(view.getByRole('dialog', { name: 'We use cookies' })).toBeTruthy();
    expect(view.getByRole('button', { name: 'Reject all' })).toBeTruthy();
    expect(view.queryByRole('button', { name: 'Do not sell or share my personal information' })).toBeNull();
  });

  it('opt-out (US-CA): a non-blocking notice whose "Do not sell or share" button turns targeting off', () => {
    const { view, consent } = mount('US-CA');
    expect(view.queryByRole('dialog')).toBeNull();
    const region = view.getByRole('region', { name: 'We use cookies' });
    expect(region.getAttribute('data-consentry-notice')).toBe('opt-out');
    expect(consent.isGranted({ vendor: 'meta-pixel' })).toBe(true);
    view.getByRole('button', { name: 'Do not sell or share my personal information' }).click();
    expect(consent.getState()).toMatchObject({ status: 'decided', choices: { targeting: false, statistics: true } });
    expect(consent.isGranted({ vendor: 'meta-pixel' })).toBe(false);
    expect(view.queryByRole('region')).toBeNull();
  });

  it("the site's own footer link ([data-consentry-do-not-sell]) opts out too, after the notice was dismissed", () => {
    const link = document.createElement('a');
    link.href = '#';
    link.setAttribute('data-consentry-do-not-sell', '');
    link.textContent = 'Do not sell or share my personal information';
    document.body.append(link);
    const { view, consent } = mount('US-CA');
    view.getByRole('button', { name: 'OK' }).click();
    expect(consent.isGranted({ vendor: 'meta-pixel' })).toBe(true);
    link.click();
    expect(consent.getState().choices.targeting).toBe(false);
    expect(consent.isGranted({ vendor: 'meta-pixel' })).toBe(false);
    expect(consent.isGranted({ vendor: 'google-analytics' })).toBe(true);
  });

  it('notice (US-TX): informs with OK, no refusal button on the first layer', () => {
    const { view, consent } = mount('US-TX');
    expect(view.getByRole('region', { name: 'We use cookies' }).getAttribute('data-consentry-notice')).toBe('notice');
    expect(view.queryByRole('button', { name: 'Do not sell or share my personal information' })).toBeNull();
    view.getByRole('button', { name: 'OK' }).click();
    expect(consent.getState().status).toBe('decided');
  });

  it('none (BR): no first layer, the reopen button still leads to the preferences', () => {
    const { view } = mount('BR');
    expect(view.queryByRole('region')).toBeNull();
    expect(view.queryByRole('dialog')).toBeNull();
    expect(view.getByRole('button', { name: 'Cookie settings' })).toBeTruthy();
  });

  it('an unknown region gets the strictest rule: the consent banner; a late region then changes it', () => {
    const { view, consent } = mount(undefined);
    expect(view.getByRole('dialog', { name: 'We use cookies' })).toBeTruthy();
    consent.setRegion('US-CA');
    expect(view.getByRole('button', { name: 'Do not sell or share my personal information' })).toBeTruthy();
  });
});
