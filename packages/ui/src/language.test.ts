import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectLanguage, primaryTag } from './language';

afterEach(() => {
  document.documentElement.removeAttribute('lang');
  vi.restoreAllMocks();
});

function browserLanguages(list: string[]) {
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(list);
}

describe('language selection', () => {
  it('matches on the primary subtag', () => {
    expect(primaryTag('lv-LV')).toBe('lv');
    expect(primaryTag('pt_BR')).toBe('pt');
    expect(primaryTag(' RU ')).toBe('ru');
  });

  it('uses config language first', () => {
    document.documentElement.lang = 'de';
    browserLanguages(['fr']);
    expect(detectLanguage('lv-LV')).toBe('lv');
  });

  it('treats config "auto" as absent and falls to <html lang>', () => {
    document.documentElement.lang = 'ru-LV';
    browserLanguages(['fr']);
    expect(detectLanguage('auto')).toBe('ru');
    expect(detectLanguage(undefined)).toBe('ru');
  });

  it('falls to navigator.languages, in the browser\'s order, when <html lang> is missing or unsupported', () => {
    browserLanguages(['fi-FI', 'et', 'en']);
    expect(detectLanguage('auto')).toBe('et');
    document.documentElement.lang = 'fi';
    expect(detectLanguage('auto')).toBe('et');
  });

  it('falls back to English when nothing matches', () => {
    document.documentElement.lang = 'ja';
    browserLanguages(['zh-CN']);
    expect(detectLanguage('auto')).toBe('en');
  });

  it('only picks languages that are available', () => {
    document.documentElement.lang = 'lv';
    browserLanguages(['de']);
    expect(detectLanguage('auto', ['en', 'de'])).toBe('de');
    expect(detectLanguage('lv', ['en'])).toBe('en');
  });
});
