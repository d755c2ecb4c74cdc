// The hooks privacy tools (DuckDuckGo's autoconsent, Consent-O-Matic) select on are a public
// contract (docs/privacy-tools.md): the shipped rules in integrations/privacy-tools break if one
// of these changes. Language and layout must not matter to them.
import { afterEach, describe, expect, it } from 'vitest';
import { baseConfig, setup } from './test-utils/setup';

afterEach(() => {
  document.body.innerHTML = '';
});

const actions = (root: ParentNode) => [...root.querySelectorAll('[data-consentry-action]')].map((b) => b.getAttribute('data-consentry-action'));

describe('public hooks for privacy tools', () => {
  for (const layout of ['bar', 'box', 'modal'] as const) {
    it(`banner (${layout}): consentry-ui host, open shadow root, banner and its three actions`, () => {
      const { host, shadow } = setup({ ...baseConfig, layout, language: 'lv' });
      expect(host.tagName).toBe('CONSENTRY-UI');
      expect(host.shadowRoot).toBe(shadow);
      const banner = shadow.querySelector('[data-consentry-banner]');
      expect(banner).not.toBeNull();
      expect(actions(banner!)).toEqual(['accept-all', 'reject-all', 'customize']);
      expect(shadow.querySelector('[data-consentry-preferences]')).toBeNull();
    });
  }

  it('preferences: a switch per category and vendor with aria-checked, and save / accept / reject / close', () => {
    const { shadow } = setup();
    (shadow.querySelector('[data-consentry-action=customize]') as HTMLElement).click();
    const dialog = shadow.querySelector('[data-consentry-preferences]')!;
    expect(dialog).not.toBeNull();
    expect(actions(dialog).sort()).toEqual(['accept-all', 'close', 'reject-all', 'save']);
    const switches = [...dialog.querySelectorAll('[data-consentry-switch]')].map((s) => [s.getAttribute('data-consentry-switch'), s.getAttribute('aria-checked')]);
    expect(switches).toEqual([
      ['necessary', 'true'],
      ['functional', 'false'],
      ['statistics', 'false'],
      ['vendor:google-analytics', 'false'],
      ['targeting', 'false'],
      ['vendor:meta-pixel', 'false'],
    ]);
    for (const c of ['necessary', 'functional', 'statistics', 'targeting']) expect(dialog.querySelector(`[data-consentry-category=${c}]`)).not.toBeNull();
    (dialog.querySelector('[data-consentry-switch=statistics]') as HTMLElement).click();
    expect(shadow.querySelector('[data-consentry-switch=statistics]')!.getAttribute('aria-checked')).toBe('true');
  });

  it('after a decision the banner is gone and the reopen action is there', () => {
    const { shadow, consent } = setup();
    (shadow.querySelector('[data-consentry-action=reject-all]') as HTMLElement).click();
    expect(consent.getState().status).toBe('decided');
    expect(shadow.querySelector('[data-consentry-banner]')).toBeNull();
    expect(actions(shadow)).toEqual(['reopen']);
  });
});
