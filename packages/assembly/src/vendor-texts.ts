import type { LANGUAGES, Translation, UIOptions } from '@consentry/ui';
import type { VendorDefinition } from '@consentry/vendors';

/** A language the catalog is translated into (English is the catalog's own). */
export type VendorTextLanguage = Exclude<(typeof LANGUAGES)[number], 'en'>;
/** `lvVendorTexts` and its siblings from `@consentry/vendors`, by language: only what the app imports is bundled. */
export type VendorTexts = Partial<Record<VendorTextLanguage, Readonly<Record<string, string>>>>;

/**
 * Each UI table the app passed, with the purposes of the app's vendors in that language underneath
 * (the app's own keys win), as the script tag's language files carry them. A purpose still missing
 * would show in English in an otherwise translated dialog, so it is named with the fix.
 */
export function withVendorTexts(ui: UIOptions, defs: readonly VendorDefinition[], vendorTexts: VendorTexts = {}): UIOptions {
  if (!ui.texts || !defs.length) return ui;
  const texts: Record<string, Translation> = {};
  for (const [lang, table] of Object.entries(ui.texts)) {
    const extra: Record<string, string> = (vendorTexts as Record<string, Readonly<Record<string, string>>>)[lang] ?? {};
    const picked: Record<string, string> = {};
    const missing: string[] = [];
    for (const def of defs) {
      const key = `vendor.${def.id}.purpose`;
      if (extra[key]) picked[key] = extra[key];
      if (lang !== 'en' && def.purpose && !picked[key] && !(table as Record<string, string>)[key]) missing.push(def.id);
    }
    if (missing.length) {
      console.error(`Consentry: the "${lang}" dialog shows the purpose of ${missing.join(', ')} in English; pass vendorTexts: { ${lang}: ${lang}VendorTexts } (import { ${lang}VendorTexts } from '@consentry/vendors') or add "vendor.<id>.purpose" to your "${lang}" table`);
    }
    texts[lang] = { ...picked, ...table };
  }
  return { ...ui, texts };
}
