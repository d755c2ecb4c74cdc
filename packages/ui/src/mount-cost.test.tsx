import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDuration } from './format-duration';
import { setup } from './test-utils/setup';

/** Counts `new Intl.NumberFormat(…)` and still builds the real one. */
function countFormatters() {
  const Real = Intl.NumberFormat;
  return vi.spyOn(Intl, 'NumberFormat').mockImplementation(function (this: unknown, ...args: ConstructorParameters<typeof Intl.NumberFormat>) {
    return new Real(...args);
  } as unknown as typeof Intl.NumberFormat);
}

// What the banner's mount costs the page (issue 18): no Intl formatter for text only the dialog
// shows, and no forced layout (a layout read before the browser's own layout of the frame).
afterEach(() => {
  document.body.innerHTML = '';
  document.documentElement.removeAttribute('style');
  vi.restoreAllMocks();
});

describe('mounting the banner', () => {
  it('builds no Intl.NumberFormat; the cookie lifetimes are formatted when the dialog opens', () => {
    const NumberFormat = countFormatters();
    const { view } = setup();
    expect(view.getByRole('button', { name: 'Accept all' })).toBeTruthy();
    expect(NumberFormat).not.toHaveBeenCalled();
    view.getByRole('button', { name: 'Customize' }).click();
    expect(NumberFormat).toHaveBeenCalled();
    expect(view.getByText('_ga').parentElement?.textContent).toBe('_ga: 2 years');
    expect(view.getByText('_gid').parentElement?.textContent).toBe('_gid: 1 day');
  });

  it('reads no layout: no getBoundingClientRect, no getComputedStyle', () => {
    const rect = vi.spyOn(Element.prototype, 'getBoundingClientRect');
    const computed = vi.spyOn(window, 'getComputedStyle');
    const { shadow } = setup();
    expect(rect).not.toHaveBeenCalled();
    expect(computed).not.toHaveBeenCalled();
    // (checked before any testing-library query, which reads computed styles itself)
    expect(shadow.querySelector('section.b')).not.toBeNull();
  });
});

describe('formatDuration', () => {
  it('builds one formatter per language and unit, however many lifetimes use it', () => {
    // en-GB: a language no other test here formats in, so the module's cache starts empty for it
    const NumberFormat = countFormatters();
    const table = { 'preferences.session': 'session' };
    expect(formatDuration('2 years', 'en-GB', table)).toBe('2 years');
    expect(formatDuration('13 months', 'en-GB', table)).toBe('13 months');
    expect(formatDuration('5 years after last activity', 'en-GB', { ...table, 'duration.afterLastVisit': '{duration} after last visit' })).toBe('5 years after last visit');
    expect(formatDuration(2 * 86400, 'en-GB', table)).toBe('2 days');
    expect(formatDuration(3 * 86400, 'en-GB', table)).toBe('3 days');
    const built = NumberFormat.mock.calls.map(([lang, opts]) => `${String(lang)}:${(opts as Intl.NumberFormatOptions).unit}`);
    expect(built.sort()).toEqual(['en-GB:day', 'en-GB:month', 'en-GB:year']);
  });
});
