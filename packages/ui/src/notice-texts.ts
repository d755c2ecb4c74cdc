import type { Consent } from '@consentry/core';
import { en } from './i18n/en';
import { detectLanguage, primaryTag } from './language';
import { formatDuration } from './format-duration';
import { offeredCategories } from './offered';
import { safeUrl } from './safe-url';
import type { UIOptions } from './types';

export type NoticeOptions = Pick<UIOptions, 'vendors' | 'texts'>;
export interface NoticeTexts {
  language: string;
  /** Every string (and link target) the visitor is shown, keyed as in the translation table. */
  texts: Record<string, string>;
}

// The cookie declaration's words are not part of the banner and dialog the proof records.
const KEYS = Object.keys(en).filter((key) => !key.startsWith('declaration.'));
// Keys with a fallback (the category title, the catalog's own wording): a language added by config
// alone need not have them.
const REQUIRED = KEYS.filter((key) => !/\.inList$|^duration\./.test(key));

function overridesFor(consent: Consent, language: string): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const [lang, table] of Object.entries(consent.config.texts)) {
    if (primaryTag(lang) === language) Object.assign(merged, table);
  }
  return merged;
}

/**
 * Languages the UI can render completely: English, every table passed in `options.texts`, and any
 * language whose config `texts` cover every key (so a site can add a language by config alone).
 */
export function availableLanguages(consent: Consent, options: NoticeOptions = {}): string[] {
  const languages = new Set(['en', ...Object.keys(options.texts ?? {}).map(primaryTag)]);
  for (const lang of Object.keys(consent.config.texts)) {
    const tag = primaryTag(lang);
    const overrides = overridesFor(consent, tag);
    if (REQUIRED.every((key) => overrides[key])) languages.add(tag);
  }
  return [...languages];
}

/**
 * The exact strings the UI renders for `language`: the language's table (English for missing
 * keys), then the config overrides, only the offered categories (see offered.ts), and the configured vendors'
 * name, purpose, cookie lifetimes and policy link. The proof client hashes this as the notice.
 * `lifetimes: false` leaves the cookie lifetimes out (they cost an Intl formatter each to build).
 */
export function buildTexts(consent: Consent, language: string, options: NoticeOptions = {}, lifetimes = true): Record<string, string> {
  const { config } = consent;
  let table: Record<string, string> = { ...en };
  for (const [lang, extra] of Object.entries(options.texts ?? {})) {
    if (primaryTag(lang) === language) table = { ...table, ...extra };
  }
  const overrides = overridesFor(consent, language);
  const texts: Record<string, string> = {};
  const offered: string[] = offeredCategories(consent);
  for (const key of KEYS) {
    const category = /^category\.([a-z]+)\./.exec(key)?.[1];
    if (category && !offered.includes(category)) continue;
    texts[key] = overrides[key] ?? table[key] ?? '';
  }
  const privacy = safeUrl(config.links.privacyPolicy);
  const cookie = safeUrl(config.links.cookiePolicy);
  if (privacy) texts['links.privacyPolicy.href'] = privacy;
  if (cookie) texts['links.cookiePolicy.href'] = cookie;
  for (const id of Object.keys(config.vendors)) {
    const info = options.vendors?.find((v) => v.id === id);
    const prefix = `vendor.${id}.`;
    texts[`${prefix}name`] = overrides[`${prefix}name`] ?? info?.name ?? id;
    // A language table may carry the catalog's purposes translated (`vendor.<id>.purpose`).
    const purpose = overrides[`${prefix}purpose`] ?? table[`${prefix}purpose`] ?? info?.purpose;
    if (purpose) texts[`${prefix}purpose`] = purpose;
    const policy = safeUrl(info?.privacyPolicy);
    if (policy) texts[`${prefix}privacyPolicy.href`] = policy;
    // Only the preferences dialog shows lifetimes; the banner's mount skips formatting them (`lifetimes`).
    for (const c of lifetimes ? (info?.cookies ?? []) : []) {
      texts[`${prefix}cookie.${c.name}`] = formatDuration(c.duration, language, texts);
    }
  }
  return texts;
}

/**
 * `{ language, texts }` as the visitor sees them (language detected as the UI does when omitted);
 * pass the same `vendors`/`texts` options as to `createConsentUI`.
 */
export function getNoticeTexts(consent: Consent, language?: string, options: NoticeOptions = {}): NoticeTexts {
  const available = availableLanguages(consent, options);
  const tag = language ? primaryTag(language) : detectLanguage(consent.config.language, available);
  const chosen = available.includes(tag) ? tag : 'en';
  return { language: chosen, texts: buildTexts(consent, chosen, options) };
}
