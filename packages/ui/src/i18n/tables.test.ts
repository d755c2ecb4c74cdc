import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../language';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { et } from './et';
import { fr } from './fr';
import { lt } from './lt';
import { lv } from './lv';
import { pl } from './pl';
import { ru } from './ru';

const tables: Record<string, Record<string, string>> = { en, lv, ru, et, lt, de, fr, es, pl };

describe('translation tables', () => {
  it('ships one table for every language we advertise', () => {
    expect(Object.keys(tables).sort()).toEqual([...LANGUAGES].sort());
  });

  it.each(Object.keys(tables))('%s has exactly the keys of en and no empty strings', (lang) => {
    const table = tables[lang] as Record<string, string>;
    expect(Object.keys(table).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(table)) {
      expect(value.trim(), `${lang}.${key}`).not.toBe('');
    }
  });

  it.each(Object.keys(tables).filter((l) => l !== 'en'))('%s is actually translated, not a copy of English', (lang) => {
    const table = tables[lang] as Record<string, string>;
    for (const key of ['banner.title', 'banner.description', 'banner.rejectAll', 'preferences.save'] as const) {
      expect(table[key], `${lang}.${key}`).not.toBe(en[key]);
    }
  });

  it('names the buttons as the script-tag contract says, in English', () => {
    expect([en['banner.acceptAll'], en['banner.rejectAll'], en['banner.customize'], en['preferences.save']]).toEqual([
      'Accept all',
      'Reject all',
      'Customize',
      'Save preferences',
    ]);
  });
});
