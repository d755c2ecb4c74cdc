import { within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tabbables } from './focus';
import { baseConfig, key, setup } from './test-utils/setup';

afterEach(() => {
  document.body.innerHTML = '';
  document.documentElement.removeAttribute('style');
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** Accessible names as our markup builds them: aria-labelledby, else visually hidden text, else text. */
const names = (els: HTMLElement[]) =>
  els.map((el) => {
    const root = el.getRootNode() as ShadowRoot;
    const by = el.getAttribute('aria-labelledby');
    if (by) return root.getElementById(by)?.textContent ?? '';
    return (el.querySelector('.sr') ?? el).textContent?.trim() ?? '';
  });

describe('banner by keyboard', () => {
  it('puts a skip link first in <body> that leads into the banner without the banner stealing focus', () => {
    document.body.innerHTML = '<a href="/home">Home</a><button>Site menu</button>';
    const { shadow } = setup();
    expect(document.activeElement).toBe(document.body);
    const first = tabbables(document.body)[0] as HTMLAnchorElement;
    expect(first.textContent).toBe('Skip to cookie consent');
    expect(first.lang).toBe('en');
    expect(first.style.position).toBe('absolute');
    first.focus();
    expect(first.style.position).toBe('fixed');
    first.click();
    expect(shadow.activeElement).toBe(shadow.querySelector('section.b'));
  });

  it('tabs through policy links, then the three decisions, in visual order', () => {
    const { shadow } = setup();
    const order = names(tabbables(shadow.querySelector('section.b') as HTMLElement));
    expect(order).toEqual(['Privacy policy', 'Cookie policy', 'Accept all', 'Reject all', 'Customize']);
  });

  it('removes the skip link once the banner is gone and moves focus to the reopen button', () => {
    const { view, shadow } = setup();
    const accept = view.getByRole('button', { name: 'Accept all' });
    accept.focus();
    accept.click();
    expect(document.body.querySelector('a')).toBeNull();
    expect(shadow.activeElement).toBe(view.getByRole('button', { name: 'Cookie settings' }));
  });

  it('reserves scroll padding and end-of-page room for the banner, then restores the page values (WCAG 2.4.11)', () => {
    const html = document.documentElement;
    html.style.scrollPaddingBottom = '12px';
    // happy-dom lays nothing out: this observer hands over the size a browser would, when told to.
    const observed: Array<[ResizeObserverCallback, Element]> = [];
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(private callback: ResizeObserverCallback) {}
        observe(target: Element) {
          observed.push([this.callback, target]);
        }
        disconnect() {}
      },
    );
    const { view } = setup();
    // Nothing is read or written during the mount; the browser's first layout of the banner does it.
    expect(html.style.paddingBottom).toBe('');
    expect(observed).toHaveLength(1);
    const [callback, target] = observed[0]!;
    callback([{ target, borderBoxSize: [{ blockSize: 137.2, inlineSize: 800 }] } as unknown as ResizeObserverEntry], {} as ResizeObserver);
    // added to the page's own 12px, rounded up
    expect(html.style.scrollPaddingBottom).toBe('150px');
    expect(html.style.paddingBottom).toBe('138px');
    view.getByRole('button', { name: 'Reject all' }).click();
    expect(html.style.scrollPaddingBottom).toBe('12px');
    expect(html.style.paddingBottom).toBe('');
  });

  it('reserves nothing for the modal layout, which covers the page anyway', () => {
    setup({ ...baseConfig, layout: 'modal' });
    expect(document.documentElement.style.scrollPaddingBottom).toBe('');
    expect(document.documentElement.style.paddingBottom).toBe('');
  });
});

describe('preferences dialog by keyboard', () => {
  it('moves focus into the dialog, makes the banner inert and traps Tab in both directions', () => {
    const { view, shadow } = setup();
    view.getByRole('button', { name: 'Customize' }).click();
    const dialog = view.getByRole('dialog', { name: 'Cookie preferences' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.getAttribute('aria-describedby')).toBe('c-pd');
    expect(shadow.activeElement).toBe(dialog);
    expect(shadow.querySelector('section.b')?.hasAttribute('inert')).toBe(true);

    const items = tabbables(dialog);
    expect(names(items)).toEqual([
      'Close',
      'Necessary',
      'Functional',
      'Statistics',
      'Google Analytics',
      'Privacy policy',
      'Targeting',
      'Meta Pixel',
      'Save preferences',
      'Accept all',
      'Reject all',
    ]);
    const first = items[0] as HTMLElement;
    const last = items[items.length - 1] as HTMLElement;
    // from the dialog itself Tab enters at the start
    key(dialog, 'Tab');
    expect(shadow.activeElement).toBe(first);
    last.focus();
    key(last, 'Tab');
    expect(shadow.activeElement).toBe(first);
    key(first, 'Tab', { shiftKey: true });
    expect(shadow.activeElement).toBe(last);
    // in the middle, Tab is left to the browser
    const middle = items[3] as HTMLElement;
    middle.focus();
    expect(key(middle, 'Tab')).toBe(true);
  });

  it('Escape closes without deciding and returns focus to "Customize"', () => {
    const { view, shadow, consent } = setup();
    const customize = view.getByRole('button', { name: 'Customize' });
    customize.focus();
    customize.click();
    const dialog = view.getByRole('dialog');
    key(within(dialog).getByRole('switch', { name: 'Targeting' }), 'Escape');
    expect(view.queryByRole('dialog')).toBeNull();
    expect(consent.getState().status).toBe('undecided');
    expect(shadow.activeElement).toBe(customize);
    expect(shadow.querySelector('section.b')?.hasAttribute('inert')).toBe(false);
  });

  it('handles the browser\'s own close request (cancel event) like Escape', () => {
    const { ui, view, consent } = setup();
    ui.showPreferences();
    const cancel = new Event('cancel', { cancelable: true });
    view.getByRole('dialog').dispatchEvent(cancel);
    expect(cancel.defaultPrevented).toBe(true);
    expect(view.queryByRole('dialog')).toBeNull();
    expect(consent.getState().status).toBe('undecided');
  });

  it('returns focus to the reopen button that opened it', () => {
    const { view, shadow, consent } = setup();
    consent.acceptAll();
    const reopen = view.getByRole('button', { name: 'Cookie settings' });
    reopen.focus();
    reopen.click();
    expect(reopen.isConnected).toBe(false);
    key(view.getByRole('dialog'), 'Escape');
    expect(shadow.activeElement).toBe(view.getByRole('button', { name: 'Cookie settings' }));
  });

  it('returns focus to a page element passed to showPreferences(opener)', () => {
    document.body.innerHTML = '<footer><button id="own">Cookie settings</button></footer>';
    const { ui, view } = setup({ ...baseConfig, reopenButton: false });
    const own = document.getElementById('own') as HTMLButtonElement;
    own.focus();
    ui.showPreferences(own);
    view.getByRole('button', { name: 'Close' }).click();
    expect(document.activeElement).toBe(own);
  });

  it('after saving from the banner path, focus lands on the reopen button', () => {
    const { view, shadow } = setup();
    view.getByRole('button', { name: 'Customize' }).click();
    within(view.getByRole('dialog')).getByRole('button', { name: 'Save preferences' }).click();
    expect(shadow.activeElement).toBe(view.getByRole('button', { name: 'Cookie settings' }));
  });
});

describe('modal layout by keyboard', () => {
  it('keeps focus inside until a choice is made; Escape does not dismiss it', () => {
    const { view, shadow, consent } = setup({ ...baseConfig, layout: 'modal' });
    const dialog = view.getByRole('dialog', { name: 'We use cookies' });
    expect(shadow.activeElement).toBe(dialog);
    expect(document.body.querySelector('a')).toBeNull();
    expect(key(dialog, 'Escape')).toBe(false);
    const cancel = new Event('cancel', { cancelable: true });
    dialog.dispatchEvent(cancel);
    expect(cancel.defaultPrevented).toBe(true);
    expect(view.getByRole('dialog')).toBe(dialog);
    const items = tabbables(dialog);
    (items[items.length - 1] as HTMLElement).focus();
    key(items[items.length - 1] as HTMLElement, 'Tab');
    expect(shadow.activeElement).toBe(items[0]);
    expect(consent.getState().status).toBe('undecided');
  });
});
