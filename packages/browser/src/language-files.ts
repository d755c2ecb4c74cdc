/**
 * Non-English texts ship as small separate files next to consentry.min.js (dist/i18n/<lang>.js),
 * fetched only for a visitor who needs them, so English-speaking sites pay nothing for them.
 * Each file registers its table on `window.__consentryI18n`.
 */
export type Tables = Record<string, Record<string, string>>;

declare global {
  interface Window {
    __consentryI18n?: Tables;
  }
}

/** Loads `<base>i18n/<lang>.js`; resolves to the table, or null (offline, blocked, missing). */
export function loadLanguage(base: string, lang: string, nonce?: string, timeoutMs = 2500): Promise<Record<string, string> | null> {
  const have = window.__consentryI18n?.[lang];
  if (have) return Promise.resolve(have);
  return new Promise((resolve) => {
    const script = document.createElement('script');
    const done = () => {
      clearTimeout(timer);
      resolve(window.__consentryI18n?.[lang] ?? null);
    };
    const timer = setTimeout(done, timeoutMs);
    script.src = `${base}i18n/${lang}.js`;
    script.async = true;
    if (nonce) script.nonce = nonce;
    script.onload = script.onerror = done;
    document.head.appendChild(script);
  });
}

/** The directory consentry.min.js was loaded from, so language files are found beside it. */
export function scriptBase(): string {
  const src = (document.currentScript as HTMLScriptElement | null)?.src;
  return src ? src.slice(0, src.lastIndexOf('/') + 1) : '/';
}
