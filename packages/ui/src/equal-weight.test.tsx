import { within } from '@testing-library/preact';
import { afterEach, expect, it } from 'vitest';
import { baseConfig, setup } from './test-utils/setup';

afterEach(() => {
  document.body.innerHTML = '';
});

const PROPS = ['min-height', 'padding', 'font-weight', 'font-size', 'color', 'background-color', 'border', 'border-radius'];

function styleOf(el: Element) {
  const computed = getComputedStyle(el);
  return Object.fromEntries(PROPS.map((p) => [p, computed.getPropertyValue(p)]));
}

it('gives "Accept all" and "Reject all" the same element, classes and computed style; "Customize" the same size, outlined', () => {
  const { view } = setup();
  const [accept, reject, customize] = ['Accept all', 'Reject all', 'Customize'].map((name) => view.getByRole('button', { name })) as [HTMLElement, HTMLElement, HTMLElement];
  const reference = styleOf(accept);
  // the stylesheet in the shadow root really applies: these are our values, not defaults
  expect(reference['min-height']).toBe('44px');
  expect(reference['font-weight']).toBe('600');
  expect(reference['background-color']).toBe('#1d4fbf');
  expect(reference.color).toBe('#ffffff');
  expect(reject.tagName).toBe(accept.tagName);
  expect(reject.className).toBe(accept.className);
  expect(styleOf(reject)).toEqual(reference);
  // Customize is visually secondary (outlined), never smaller or lighter.
  const secondary = styleOf(customize);
  for (const p of ['min-height', 'padding', 'font-weight', 'font-size', 'border', 'border-radius']) expect(secondary[p], p).toBe(reference[p]);
  expect(secondary['background-color']).toBe('#ffffff');
  expect(secondary.color).toBe('#1d4fbf');
});

it('styles the three dialog decisions identically too', () => {
  const { view, ui } = setup();
  ui.showPreferences();
  const dialog = within(view.getByRole('dialog'));
  const buttons = ['Save preferences', 'Accept all', 'Reject all'].map((name) => dialog.getByRole('button', { name }));
  const reference = styleOf(buttons[0] as HTMLElement);
  for (const b of buttons) {
    expect(b.className).toBe('btn');
    expect(styleOf(b)).toEqual(reference);
  }
});

it('lets a site brand the UI through --consentry-* custom properties on the host', () => {
  const { view, host } = setup();
  host.style.setProperty('--consentry-button-bg', '#005a32');
  const accept = view.getByRole('button', { name: 'Accept all' });
  expect(getComputedStyle(accept).getPropertyValue('background-color')).toBe('#005a32');
  expect(getComputedStyle(view.getByRole('button', { name: 'Reject all' })).getPropertyValue('background-color')).toBe('#005a32');
});

it('uses the dark palette for theme dark', () => {
  const { view } = setup({ ...baseConfig, theme: 'dark' });
  const accept = view.getByRole('button', { name: 'Accept all' });
  expect(getComputedStyle(accept).getPropertyValue('background-color')).toBe('#9cc0ff');
  expect(getComputedStyle(accept).getPropertyValue('color')).toBe('#10131a');
});

it('gives every control a target of at least 24×24 CSS px (WCAG 2.5.8)', () => {
  const { view, ui, consent, shadow } = setup();
  ui.showPreferences();
  const px = (v: string) => parseFloat(v) * (v.endsWith('rem') ? 16 : 1);
  const size = (el: Element): [number, number] => {
    const s = getComputedStyle(el);
    return [
      Math.max(
        px(s.getPropertyValue('width')) || 0,
        px(s.getPropertyValue('min-width')) || 0,
      ),
      Math.max(px(s.getPropertyValue('height')) || 0, px(s.getPropertyValue('min-height')) || 0),
    ];
  };
  const controls = [
    ...view.getAllByRole('switch'),
    ...within(view.getByRole('dialog')).getAllByRole('button').filter((b) => b.getAttribute('role') !== 'switch'),
  ];
  expect(controls.length).toBeGreaterThan(8);
  for (const el of controls) {
    const [w, h] = size(el);
    expect(h, el.outerHTML).toBeGreaterThanOrEqual(24);
    expect(w, el.outerHTML).toBeGreaterThanOrEqual(24);
  }
  view.getByRole('button', { name: 'Close' }).click();
  consent.acceptAll();
  const [w, h] = size(shadow.querySelector('.o') as Element);
  expect(Math.min(w, h)).toBeGreaterThanOrEqual(24);
});
