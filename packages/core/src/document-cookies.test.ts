// @vitest-environment happy-dom
// @vitest-environment-options {"url":"https://shop.example.com/"}
import Cookies from 'js-cookie';
import { afterEach, expect, it, vi } from 'vitest';
import { createConsent } from './consent.js';
import { documentCookies } from './document-cookies.js';

afterEach(() => {
  delete (document as { cookie?: string }).cookie;
  for (const c of document.cookie.split('; ')) if (c) document.cookie = `${c.split('=')[0]}=; max-age=0; path=/`;
  vi.restoreAllMocks();
});

it('is the default store: the engine writes document.cookie without a cookie library, with every attribute', () => {
  const writes: string[] = [];
  let proto = Object.getPrototypeOf(document) as object;
  while (!Object.getOwnPropertyDescriptor(proto, 'cookie')) proto = Object.getPrototypeOf(proto) as object;
  const own = Object.getOwnPropertyDescriptor(proto, 'cookie')!;
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get: () => own.get!.call(document) as string,
    set: (v: string) => void (writes.push(v), own.set!.call(document, v)),
  });
  const consent = createConsent({ categories: { statistics: {} }, cookie: { domain: '.example.com' } }, { secure: true, now: () => Date.UTC(2026, 0, 1) });
  consent.acceptAll();
  expect(writes).toHaveLength(1);
  expect(writes[0]).toMatch(/^consentry=[\w.~-]+; expires=[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} [\d:]{8} GMT; path=\/; domain=\.example\.com; samesite=Lax; secure$/i);
  expect(createConsent({ categories: { statistics: {} } }).getState().status).toBe('decided');
});

it('reads what js-cookie wrote (earlier versions) and what it writes itself, and removes it', () => {
  Cookies.set('old', 'a b;c%', { path: '/' });
  expect(documentCookies.get('old')).toBe('a b;c%');
  documentCookies.set('fresh', 'x=y z', { path: '/', sameSite: 'Lax' });
  expect(Cookies.get('fresh')).toBe('x=y z');
  expect(documentCookies.get('fresh')).toBe('x=y z');
  expect(documentCookies.get('fres')).toBeUndefined();
  documentCookies.remove('fresh', { path: '/' });
  expect(documentCookies.get('fresh')).toBeUndefined();
});
