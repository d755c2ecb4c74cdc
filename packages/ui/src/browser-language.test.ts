import { resolveConfig } from '@consentry/core';
import { afterEach, expect, it, vi } from 'vitest';
import { detectLanguage } from './language';

// A Vite + React app ships <html lang="en"> whatever the visitor reads; `auto` trusts the page, so a
// Latvian browser saw English. `browser` trusts the visitor's browser languages first.
afterEach(() => {
  document.documentElement.removeAttribute('lang');
  vi.restoreAllMocks();
});

it('language "browser": the browser languages win over <html lang>, then the page, then English', () => {
  expect(resolveConfig({ language: 'browser' }).language).toBe('browser');
  document.documentElement.lang = 'en';
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['lv-LV', 'en']);
  expect(detectLanguage('browser')).toBe('lv');
  expect(detectLanguage('auto')).toBe('en');
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['ja']);
  expect(detectLanguage('browser')).toBe('en');
});
