// What the scan hands back to fix things: a consentry.config.json with the vendors found mapped to
// catalog ids (unknown ones listed switched off, for a person to decide), and the site's own script
// tags for those vendors, rewritten so Consentry holds them until consent.
import type { ConsentConfig, OptionalCategory, VendorConfig } from '@consentry/core';
import { catalog } from '@consentry/vendors';
import { classifyUrl, nonNecessary } from './classify.js';
import type { ScriptTag } from './pass.js';
import type { ScanReport } from './types.js';

const OPTIONAL: OptionalCategory[] = ['functional', 'statistics', 'targeting'];

/** A config id for a vendor outside the catalog, from its host: `px.ads.example.com` → `unknown-px-ads-example-com`. */
function unknownId(host: string): string {
  return `unknown-${host.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`.slice(0, 64);
}

// Ids as the vendors' own snippets write them, for tags that never got to send a request.
const INLINE_IDS: Record<string, RegExp> = {
  'google-analytics': /gtag\(\s*['"]config['"]\s*,\s*['"](G-[A-Z0-9]{4,})['"]/,
  'google-ads': /gtag\(\s*['"]config['"]\s*,\s*['"](AW-\d{6,})['"]/,
  'google-tag-manager': /['"](GTM-[A-Z0-9]{4,})['"]/,
  'meta-pixel': /fbq\(\s*['"]init['"]\s*,\s*['"](\d{6,20})['"]/,
  hotjar: /hjid\s*:\s*(\d{5,10})\b/,
};

/** The site's Consentry config as its pages carry it (the first that parses), or null. */
export function existingConfig(scripts: Array<{ page: string; tag: ScriptTag }>): ConsentConfig | null {
  for (const { tag } of scripts) {
    if (new Map(tag.attrs).get('id') !== 'consentry-config') continue;
    try {
      const config = JSON.parse(tag.text) as unknown;
      if (config && typeof config === 'object' && !Array.isArray(config)) return config as ConsentConfig;
    } catch {
      /* a broken config is the site's problem, reported by Consentry itself */
    }
  }
  return null;
}

const SERVICE_KEYS = ['name', 'purpose', 'cookies', 'localStorage', 'sessionStorage'];
const isOwnService = (id: string, cfg: unknown): cfg is VendorConfig =>
  !catalog[id] && !!cfg && typeof cfg === 'object' && SERVICE_KEYS.some((k) => (cfg as Record<string, unknown>)[k] !== undefined);

/** Cookie names (and prefixes) the site's own services declare already. */
function declaredNames(vendors: Record<string, VendorConfig>): Array<{ name: string; prefix?: boolean }> {
  return Object.values(vendors).flatMap((v) => (Array.isArray(v.cookies) ? v.cookies : []));
}

/**
 * First-party cookies no catalog vendor or CMP claims, grouped by the script that wrote them: the
 * site's own, declared switched off (a person decides what they are for) so they are named and
 * cleared, not silently blocked for good or left out of the dialog.
 */
function ownCookies(report: ScanReport, declared: Array<{ name: string; prefix?: boolean }>): Record<string, VendorConfig> {
  const out: Record<string, VendorConfig> = {};
  const seen = new Set<string>();
  for (const page of report.pages ?? []) {
    for (const pass of [page.passes.none, page.passes.reject, page.passes.accept]) {
      for (const c of pass?.cookies ?? []) {
        if (!c.firstParty || c.vendorId || c.category === 'necessary' || seen.has(c.name)) continue;
        if (declared.some((d) => (d.prefix ? c.name.startsWith(d.name) : c.name === d.name))) continue;
        seen.add(c.name);
        const script = c.writtenBy ? (c.writtenBy.split(/[?#]/)[0]!.split('/').pop() || c.writtenBy) : null;
        const id = `own-${(script ?? 'cookies').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`.slice(0, 64);
        const entry = (out[id] ??= {
          enabled: false,
          category: c.category === 'statistics' || c.category === 'targeting' ? c.category : 'functional',
          name: script ?? 'This website',
          cookies: [],
          decide: `first-party cookies ${c.writtenBy ? `written by ${c.writtenBy}` : 'of unknown origin'}: write what they are for (purpose), check the category and set enabled: true`,
        });
        entry.cookies!.push({ name: c.name, lifetime: c.lifetimeDays === null ? 'session' : `${Math.max(1, Math.round(c.lifetimeDays))} days` });
      }
    }
  }
  return out;
}

/** Params for the config: the site's existing Consentry config first, then the snippets on its pages. */
export function paramsFromScripts(scripts: Array<{ page: string; tag: ScriptTag }>): Record<string, Record<string, string | number | boolean>> {
  const out: Record<string, Record<string, string | number | boolean>> = {};
  for (const { tag } of scripts) {
    const attrs = new Map(tag.attrs);
    if (attrs.get('id') === 'consentry-config') {
      try {
        const vendors = (JSON.parse(tag.text) as { vendors?: Record<string, unknown> }).vendors ?? {};
        for (const [id, cfg] of Object.entries(vendors)) {
          if (cfg && typeof cfg === 'object') out[id] = { ...(cfg as Record<string, string>), ...out[id] };
        }
      } catch {
        /* a broken config is the site's problem, reported by Consentry itself */
      }
      continue;
    }
    for (const [id, re] of Object.entries(INLINE_IDS)) {
      const m = re.exec(tag.text);
      if (m && !out[id]?.id) out[id] = { ...out[id], id: m[1]! };
    }
  }
  return out;
}

export function configSkeleton(report: ScanReport, scripts: Array<{ page: string; tag: ScriptTag }> = []): ConsentConfig {
  const known = paramsFromScripts(scripts);
  const vendors: Record<string, VendorConfig> = {};
  const used = new Set<OptionalCategory>();
  for (const v of report.vendors) {
    if (v.vendorId && v.category !== 'necessary' && v.category !== 'unknown') {
      const params: VendorConfig = { ...known[v.vendorId], ...v.params };
      // Without a required id the vendor's loader cannot run: switched off until someone fills it in.
      const needsId = catalog[v.vendorId]?.idParam?.required === true;
      vendors[v.vendorId] = Object.keys(params).length || !needsId ? params : { enabled: false };
      used.add(v.category);
    } else if (!v.vendorId && v.category === 'unknown') {
      for (const host of v.hosts) {
        // The strictest category until someone knows better; off, so nothing changes by accident.
        vendors[unknownId(host)] = { enabled: false, category: 'targeting', host, decide: `not in the catalog: find out what ${host} does, set its category and enabled: true, or remove it` };
        used.add('targeting');
      }
    } else if (!v.vendorId && nonNecessary(v.category)) {
      used.add(v.category as OptionalCategory);
    }
  }
  // What the site declared already stays: its own services, its categories and its links.
  const site = existingConfig(scripts);
  for (const [id, cfg] of Object.entries(site?.vendors ?? {})) {
    if (isOwnService(id, cfg) && !vendors[id]) {
      vendors[id] = cfg;
      if (cfg.category) used.add(cfg.category);
    }
  }
  for (const [id, cfg] of Object.entries(ownCookies(report, declaredNames(vendors)))) {
    vendors[id] = cfg;
    used.add(cfg.category!);
  }
  for (const c of OPTIONAL) if (site?.categories?.[c] !== undefined) used.add(c);
  const categories: NonNullable<ConsentConfig['categories']> = {};
  for (const c of OPTIONAL) if (used.has(c)) categories[c] = {};
  return {
    revision: 1,
    categories,
    vendors,
    links: site?.links && typeof site.links === 'object' ? { ...site.links } : { privacyPolicy: '/privacy' },
  };
}

const escapeAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The vendor a script tag loads or bootstraps: by its src, else by a vendor URL inside its code. */
function vendorOfTag(tag: ScriptTag): ReturnType<typeof classifyUrl> | null {
  const attrs = new Map(tag.attrs);
  const type = (attrs.get('type') ?? '').toLowerCase();
  if (type && !['text/javascript', 'module', 'application/javascript'].includes(type)) return null;
  const src = attrs.get('src');
  const urls = src ? [src] : [...tag.text.matchAll(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s'"`)]*/gi)].map((m) => (m[0].startsWith('//') ? `https:${m[0]}` : m[0]));
  for (const u of urls) {
    const c = classifyUrl(u);
    if (c.vendorId && nonNecessary(c.category)) return c;
  }
  return null;
}

export interface GatedSnippet {
  page: string;
  vendorId: string;
  category: string;
  original: string;
  gated: string;
}

export function gatedSnippets(scripts: Array<{ page: string; tag: ScriptTag }>): GatedSnippet[] {
  const out: GatedSnippet[] = [];
  const seen = new Set<string>();
  for (const { page, tag } of scripts) {
    const c = vendorOfTag(tag);
    if (!c?.vendorId) continue;
    const attrs = tag.attrs.filter(([k]) => k !== 'type' && !k.startsWith('data-consentry-scan'));
    const attrText = attrs.map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${escapeAttr(v)}"`)).join('');
    const original = `<script${tag.attrs.map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${escapeAttr(v)}"`)).join('')}>${tag.text}</script>`;
    if (seen.has(original)) continue;
    seen.add(original);
    const gated = `<script type="text/plain" data-vendor="${c.vendorId}" data-category="${c.category}"${attrText}>${tag.text}</script>`;
    out.push({ page, vendorId: c.vendorId, category: c.category, original, gated });
  }
  return out;
}

export function gatedMarkupFile(snippets: GatedSnippet[], report: ScanReport): string {
  if (!snippets.length) return `<!-- consentry scan of ${report.target.url}: no vendor tag runs unmarked. Nothing to paste. -->\n`;
  const parts = snippets.map(
    (s) => `<!-- ${s.vendorId} (${s.category}), found on ${s.page}
     Replace the tag as it is today:
${s.original.replace(/--/g, '- -').split('\n').map((l) => `       ${l}`).join('\n')}
     with this, which Consentry holds until the visitor grants "${s.category}".
     Or delete it and keep the "${s.vendorId}" entry of consentry.config.json, which loads the vendor for you. -->
${s.gated}`,
  );
  return `<!-- consentry scan of ${report.target.url}, ${report.finishedAt}.
     Load Consentry first in <head>: <script type="application/json" id="consentry-config">…</script>
     <script src="/consentry.min.js"></script> -->\n\n${parts.join('\n\n')}\n`;
}
