// Every string a visitor can meet, in every shipped language: the UI tables (checked key for key in
// packages/ui/src/i18n/tables.test.ts), the catalog's vendor purposes and its cookie lifetimes.
// Lives at the root because it reads both the UI and the vendor catalog, which do not import each other.
import { describe, expect, it } from 'vitest';
import { catalog } from '../packages/vendors/src/catalog.js';
import { deVendorTexts } from '../packages/vendors/src/i18n/de.js';
import { esVendorTexts } from '../packages/vendors/src/i18n/es.js';
import { etVendorTexts } from '../packages/vendors/src/i18n/et.js';
import { frVendorTexts } from '../packages/vendors/src/i18n/fr.js';
import { ltVendorTexts } from '../packages/vendors/src/i18n/lt.js';
import { lvVendorTexts } from '../packages/vendors/src/i18n/lv.js';
import { plVendorTexts } from '../packages/vendors/src/i18n/pl.js';
import { ruVendorTexts } from '../packages/vendors/src/i18n/ru.js';
import { formatDuration } from '../packages/ui/src/format-duration.js';
import { de } from '../packages/ui/src/i18n/de.js';
import { en } from '../packages/ui/src/i18n/en.js';
import { es } from '../packages/ui/src/i18n/es.js';
import { et } from '../packages/ui/src/i18n/et.js';
import { fr } from '../packages/ui/src/i18n/fr.js';
import { lt } from '../packages/ui/src/i18n/lt.js';
import { lv } from '../packages/ui/src/i18n/lv.js';
import { pl } from '../packages/ui/src/i18n/pl.js';
import { ru } from '../packages/ui/src/i18n/ru.js';

const ui: Record<string, Record<string, string>> = { lv, ru, et, lt, de, fr, es, pl };
const vendorTexts: Record<string, Readonly<Record<string, string>>> = {
  lv: lvVendorTexts,
  ru: ruVendorTexts,
  et: etVendorTexts,
  lt: ltVendorTexts,
  de: deVendorTexts,
  fr: frVendorTexts,
  es: esVendorTexts,
  pl: plVendorTexts,
};
const vendors = Object.values(catalog);
// English words the catalog's lifetimes are written with; none may reach a visitor in another language
// ("minute" is left out: French and German write it the same).
const ENGLISH = /\b(second|hour|day|week|month|year|session|after|last|activity|unknown|various|till|update|countries)s?\b/i;

it('covers a catalog of at least 100 vendors', () => expect(vendors.length).toBeGreaterThanOrEqual(100));

describe.each(Object.keys(ui))('%s', (lang) => {
  const table = ui[lang]!;
  const purposes = vendorTexts[lang]!;

  it('translates the purpose of every catalog vendor, and nothing else', () => {
    expect(Object.keys(purposes).sort()).toEqual(vendors.map((v) => `vendor.${v.id}.purpose`).sort());
    for (const v of vendors) {
      const text = purposes[`vendor.${v.id}.purpose`] ?? '';
      expect(text.trim(), v.id).not.toBe('');
      expect(text, v.id).not.toBe(v.purpose);
    }
  });

  it('localises every cookie lifetime the catalog states', () => {
    const lifetimes = new Set(vendors.flatMap((v) => v.cookies.map((c) => c.lifetime)));
    expect(lifetimes.size).toBeGreaterThan(20);
    for (const lifetime of lifetimes) {
      const shown = formatDuration(lifetime, lang, table);
      expect(shown, `${lang}: "${lifetime}"`).not.toMatch(ENGLISH);
      expect(shown.trim(), lifetime).not.toBe('');
    }
  });

  it('writes the category list after the colon as the language does', () => {
    for (const c of ['functional', 'statistics', 'targeting'] as const) {
      const word = table[`category.${c}.inList`] ?? '';
      expect(word, c).not.toBe('');
      // German capitalises nouns (Statistik, Targeting) but not adjectives (funktional); the others
      // write a list in running text in lower case.
      if (lang !== 'de') expect(word, c).toBe(word.toLocaleLowerCase(lang));
    }
    if (lang === 'de') expect([table['category.functional.inList'], table['category.statistics.inList']]).toEqual(['funktional', 'Statistik']);
  });
});

it('English keeps the catalog wording and lower-cases its list too', () => {
  expect(formatDuration('2 years after last activity', 'en', en)).toBe('2 years after the last visit');
  expect(formatDuration('unknown', 'en', en)).toBe('not stated by the provider');
  expect(en['category.functional.inList']).toBe('functional');
});
