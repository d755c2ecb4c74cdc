import { createConsent, createMemoryCookies } from '@consentry/core';
import type { ConsentConfig, ConsentOptions } from '@consentry/core';
import { within } from '@testing-library/dom';

export const config: ConsentConfig = {
  revision: 1,
  language: 'en',
  categories: { functional: {}, statistics: {}, targeting: {} },
  vendors: {
    youtube: { category: 'targeting' },
    'google-analytics': { id: 'G-TEST123', category: 'statistics' },
  },
};

/** Engine options for tests: an in-memory cookie jar, no GPC, plain http. */
export function memoryOptions(initial: Record<string, string> = {}) {
  const cookies = createMemoryCookies(initial);
  const options: ConsentOptions = { cookies, gpc: false, secure: false };
  return { cookies, options };
}

/** A real consent cookie value for a visitor who decided with `decide`. */
export function decidedCookie(decide: 'acceptAll' | 'rejectAll' | { statistics: boolean; targeting: boolean }): string {
  const { cookies, options } = memoryOptions();
  const consent = createConsent(config, options);
  if (decide === 'acceptAll') consent.acceptAll();
  else if (decide === 'rejectAll') consent.rejectAll();
  else consent.update(decide);
  const value = cookies.get('consentry');
  if (!value) throw new Error('no consent cookie written');
  return value;
}

/** The built-in UI's host elements and, for the only one, its shadow root queries. */
export function uiHosts(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('consentry-ui')];
}
export function ui() {
  const hosts = uiHosts();
  if (hosts.length !== 1) throw new Error(`expected one consentry-ui host, found ${hosts.length}`);
  return within(hosts[0]!.shadowRoot as unknown as HTMLElement);
}
/** Whether the banner is on screen ("Customize" is the one button only the banner has). */
export function bannerShown(): boolean {
  return ui().queryByRole('button', { name: 'Customize' }) !== null;
}
