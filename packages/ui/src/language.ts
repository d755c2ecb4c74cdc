/** Languages that ship with a complete table in `src/i18n/`. */
export const LANGUAGES = ['en', 'lv', 'ru', 'et', 'lt', 'de', 'fr', 'es', 'pl'] as const;

/** `lv-LV` → `lv`: we match languages on the primary subtag only. */
export function primaryTag(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/**
 * Pick the UI language: config `language` (unless `auto` or `browser`), else `<html lang>`, else the
 * browser's `navigator.languages`, else English; with `browser`, the browser's languages come first. Only languages in `available` can win, so a
 * script-tag build can call this first and then load just the table it needs.
 */
export function detectLanguage(configLanguage: string | undefined, available: readonly string[] = LANGUAGES): string {
  const candidates: string[] = [];
  const fromBrowser = typeof navigator !== 'undefined' ? (navigator.languages ?? [navigator.language]) : [];
  const fromPage = typeof document !== 'undefined' ? [document.documentElement.lang] : [];
  // `browser`: the visitor's languages before the page's (an app whose <html lang> is a template default).
  if (configLanguage === 'browser') candidates.push(...fromBrowser, ...fromPage);
  else {
    if (configLanguage && configLanguage !== 'auto') candidates.push(configLanguage);
    candidates.push(...fromPage, ...fromBrowser);
  }
  for (const candidate of candidates) {
    const tag = candidate ? primaryTag(candidate) : '';
    if (tag && available.includes(tag)) return tag;
  }
  return 'en';
}
