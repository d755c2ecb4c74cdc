// `consentry declaration --config … --lang lv`: the cookie declaration as static HTML, for pages
// rendered on a server. The same model and texts as the in-page `[data-consentry-declaration]`
// table (@consentry/ui's buildDeclaration): catalog disclosures and purposes in the language, the
// site's own services, Consentry's cookie.
import { readFileSync, writeFileSync } from 'node:fs';
import { ConsentryConfigError, createConsent, createMemoryCookies, type ConsentConfig } from '@consentry/core';
import { buildDeclaration, declarationHtml, de, en, es, et, fr, LANGUAGES, lt, lv, pl, ru, type Translation, type VendorInfo } from '@consentry/ui';
import { catalog, deVendorTexts, esVendorTexts, etVendorTexts, frVendorTexts, ltVendorTexts, lvVendorTexts, plVendorTexts, ruVendorTexts, siteServices, toCatalogLookup, toVendorInfo } from '@consentry/vendors';

export const DECLARATION_HELP = `consentry declaration --config FILE [--lang L] [--out FILE]

Writes the cookie declaration (one <table> per category: name, type, provider, purpose, lifetime,
category) as static HTML, from the same data the consent dialog shows.

Options
  --config FILE   the Consentry config: a .json file, or an HTML page holding
                  <script type="application/json" id="consentry-config">
  --lang L        ${LANGUAGES.join(', ')} (default en)
  --out FILE      write to FILE instead of standard output

Exit codes: 0 written, 2 bad arguments or config (the message names the config path).`;

// The script tag's language file is the UI table with the catalog's purposes merged in; the same here.
const TABLES: Record<string, Translation> = {
  en,
  lv: { ...lv, ...lvVendorTexts },
  ru: { ...ru, ...ruVendorTexts },
  et: { ...et, ...etVendorTexts },
  lt: { ...lt, ...ltVendorTexts },
  de: { ...de, ...deVendorTexts },
  fr: { ...fr, ...frVendorTexts },
  es: { ...es, ...esVendorTexts },
  pl: { ...pl, ...plVendorTexts },
};

/** The config from a JSON file or from the config script of an HTML page. */
function readConfig(file: string): ConsentConfig {
  const text = readFileSync(file, 'utf8');
  let json = text;
  if (/^\s*</.test(text)) {
    const m = /<script\b[^>]*\bid=["']?consentry-config["']?[^>]*>([\s\S]*?)<\/script>/i.exec(text);
    if (!m) throw new Error(`${file} has no <script type="application/json" id="consentry-config">`);
    json = m[1]!;
  }
  try {
    return JSON.parse(json) as ConsentConfig;
  } catch (error) {
    throw new Error(`${file}: the config is not valid JSON (${(error as Error).message})`);
  }
}

/** The declaration's HTML for `config` in `language` (throws ConsentryConfigError with the config path). */
export function declarationFor(config: ConsentConfig, language: string): string {
  const consent = createConsent(config, { cookies: createMemoryCookies(), catalog: toCatalogLookup(catalog), crossTab: false, gpc: false, secure: true });
  const vendors: VendorInfo[] = [...siteServices(consent.config.vendors).infos];
  for (const id of Object.keys(consent.config.vendors)) {
    const def = catalog[id];
    if (def) vendors.push(toVendorInfo(def));
  }
  return declarationHtml(buildDeclaration(consent, language, { vendors, texts: { [language]: TABLES[language]! } }));
}

export function declarationMain(argv: string[], stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): number {
  let config = '';
  let lang = 'en';
  let out = '';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--config') config = value();
    else if (flag === '--lang') lang = value();
    else if (flag === '--out') out = value();
    else return stderr.write(`consentry: unknown option ${a}\n${DECLARATION_HELP}\n`), 2;
  }
  if (!config) return stderr.write('consentry: missing --config FILE; try: consentry declaration --config consentry.json --lang lv\n'), 2;
  if (!(LANGUAGES as readonly string[]).includes(lang)) return stderr.write(`consentry: --lang must be one of ${LANGUAGES.join(', ')} (got "${lang}")\n`), 2;
  let html: string;
  try {
    html = `${declarationFor(readConfig(config), lang)}\n`;
  } catch (error) {
    if (error instanceof ConsentryConfigError) return stderr.write(`consentry: ${error.message}\n`), 2;
    return stderr.write(`consentry: ${(error as Error).message}\n`), 2;
  }
  if (out) writeFileSync(out, html);
  else stdout.write(html);
  return 0;
}
