// From raw passes to what a site owner acts on: one verdict per problem, violations first, each
// naming what it is about, on which pages, and where docs/scanner.md says how to fix it.
import { humanDays, LIFETIME_CEILING_DAYS, nonNecessary } from './classify.js';
import type { CmpReport, PageReport, PassName, PassReport, RequestRecord, Severity, Verdict, VendorFound } from './types.js';

const ORDER: Record<Severity, number> = { violation: 0, warning: 1, info: 2 };

const keyOf = (r: { vendorId: string | null; vendor: string | null; host?: string }): string => r.vendorId ?? r.vendor ?? r.host ?? '?';
const nameOf = (r: { vendor: string | null; host?: string }): string => r.vendor ?? r.host ?? '?';

function passes(pages: PageReport[], which: PassName): Array<{ url: string; pass: PassReport }> {
  return pages.flatMap((p) => (p.passes[which] ? [{ url: p.url, pass: p.passes[which]! }] : []));
}

/** Groups items by key, remembering the pages each appeared on. */
function group<T>(items: Array<{ url: string; item: T }>, key: (t: T) => string): Map<string, { first: T; pages: Set<string> }> {
  const out = new Map<string, { first: T; pages: Set<string> }>();
  for (const { url, item } of items) {
    const k = key(item);
    const g = out.get(k) ?? { first: item, pages: new Set<string>() };
    g.pages.add(url);
    out.set(k, g);
  }
  return out;
}

const list = (names: string[]): string => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);
const ofPages = (n: number, total: number): string => (total === 1 ? 'on the page' : `on ${n} of ${total} pages`);

export function buildVerdicts(pages: PageReport[], cmp: CmpReport): Verdict[] {
  const v: Verdict[] = [];
  const total = pages.length;
  const add = (severity: Severity, id: string, title: string, detail: string, subject: string | null, pageSet: Iterable<string>) =>
    v.push({ id, severity, title, detail, subject, pages: [...pageSet], fix: `docs/scanner.md#${id}` });

  const none = passes(pages, 'none');
  const reject = passes(pages, 'reject');
  const all = (['none', 'reject', 'accept'] as const).flatMap((w) => passes(pages, w));

  // Before any decision.
  const early = none.flatMap(({ url, pass }) => pass.requests.filter((r) => nonNecessary(r.category)).map((item) => ({ url, item })));
  const trackers = group(early, keyOf);
  if (trackers.size) {
    const names = [...trackers.values()].map((g) => nameOf(g.first));
    const detail = [...trackers.values()].map((g) => `${nameOf(g.first)} (${g.first.category}) ${ofPages(g.pages.size, total)}, e.g. ${g.first.url.slice(0, 120)}`).join('; ');
    add('violation', 'trackers-before-consent', `${trackers.size} tracker${trackers.size === 1 ? ' sends' : 's send'} data before consent: ${list(names)}`, detail, null, new Set([...trackers.values()].flatMap((g) => [...g.pages])));
  }
  const earlyCookies = group(none.flatMap(({ url, pass }) => pass.cookies.filter((c) => nonNecessary(c.category)).map((item) => ({ url, item }))), (c) => c.name);
  // The database files session and load-balancer cookies as functional: often strictly necessary, so a warning to check.
  const severityOf = (c: { category: string; source: string | null }): Severity => (c.category === 'functional' && c.source !== 'catalog' ? 'warning' : 'violation');
  for (const [name, g] of earlyCookies) {
    const who = g.first.vendor ? `${g.first.vendor}, ${g.first.category}` : g.first.category;
    add(severityOf(g.first), 'cookie-before-consent', `${name} set before consent ${ofPages(g.pages.size, total)}`, `Cookie ${name} (${who}) was written by ${g.first.writtenBy ?? 'an unknown writer'} before the visitor decided anything.`, name, g.pages);
  }
  const earlyStorage = group(none.flatMap(({ url, pass }) => pass.storage.filter((s) => nonNecessary(s.category)).map((item) => ({ url, item }))), (s) => `${s.area}:${s.key}`);
  for (const g of earlyStorage.values()) {
    add(severityOf(g.first), 'storage-before-consent', `${g.first.area} ${g.first.key} written before consent ${ofPages(g.pages.size, total)}`, `${g.first.area} entry ${g.first.key} (${g.first.vendor ?? 'unknown vendor'}, ${g.first.category}) was written by ${g.first.writtenBy ?? 'an unknown writer'} before any decision.`, g.first.key, g.pages);
  }

  // The banner.
  const anyNonNecessary = all.some(({ pass }) => pass.requests.some((r) => nonNecessary(r.category)) || pass.cookies.some((c) => nonNecessary(c.category)));
  if (!cmp.found) {
    if (anyNonNecessary || trackers.size) add('violation', 'no-banner', 'no consent banner found, yet the site runs trackers that need consent', 'No Accept all or Reject all control was found by any known CMP markup or by its label in en, lv, ru, et, lt, de or fr.', null, pages.map((p) => p.url));
    else add('info', 'no-banner', 'no consent banner found, and nothing that needs consent was seen', 'Nothing outside the necessary category ran; a banner is not needed for what was scanned.', null, []);
  } else {
    if (!cmp.firstLayerReject) add('violation', 'no-reject-button', 'banner has no first-layer Reject button', `${cmp.name ?? 'The banner'} offers "${cmp.accept?.text ?? 'Accept'}" but no way to refuse without opening more settings. Refusing must be as easy as accepting.`, cmp.name, pages.map((p) => p.url));
    if (cmp.prominence && !cmp.prominence.equal) add('warning', 'reject-not-prominent', 'Reject all is less prominent than Accept all', cmp.prominence.differences.join('; '), cmp.name, []);
  }

  // After Reject all.
  const late = reject.flatMap(({ url, pass }) => pass.requests.filter((r) => r.phase === 'after-decision' && nonNecessary(r.category)).map((item) => ({ url, item })));
  for (const g of group(late, keyOf).values()) {
    add('violation', 'sends-after-reject', `after Reject all, ${nameOf(g.first)} still sends`, `${nameOf(g.first)} (${g.first.category}) requested ${g.first.url.slice(0, 160)} after Reject all ${ofPages(g.pages.size, total)}, started by ${g.first.initiator.script ?? 'an unknown script'}.`, nameOf(g.first), g.pages);
  }
  const kept = group(reject.flatMap(({ url, pass }) => pass.action.decidedOn ? pass.cookies.filter((c) => nonNecessary(c.category)).map((item) => ({ url, item })) : []), (c) => c.name);
  for (const [name, g] of kept) {
    const how = g.first.phase === 'after-decision' && g.first.writtenBy ? `was written after Reject all by ${g.first.writtenBy ?? 'an unknown writer'}` : 'was set before the decision and not removed by Reject all';
    add('violation', 'cookie-after-reject', `after Reject all, ${name} is still set`, `Cookie ${name} (${g.first.vendor ?? 'unknown vendor'}, ${g.first.category}) ${how}.`, name, g.pages);
  }
  const keptStorage = group(reject.flatMap(({ url, pass }) => pass.action.decidedOn ? pass.storage.filter((s) => nonNecessary(s.category)).map((item) => ({ url, item })) : []), (s) => `${s.area}:${s.key}`);
  for (const g of keptStorage.values()) {
    add('violation', 'storage-after-reject', `after Reject all, ${g.first.area} ${g.first.key} is still there`, `${g.first.area} entry ${g.first.key} (${g.first.vendor ?? 'unknown vendor'}, ${g.first.category}) remains after Reject all.`, g.first.key, g.pages);
  }
  for (const { url, pass } of reject) {
    if (pass.action.control && !pass.action.clicked) add('warning', 'scan-incomplete', `Reject all could not be clicked on ${url}`, pass.action.note ?? '', null, [url]);
  }

  // Lifetimes, whatever the pass.
  const long = group(all.flatMap(({ url, pass }) => pass.cookies.filter((c) => c.tooLong).map((item) => ({ url, item }))), (c) => c.name);
  for (const [name, g] of long) {
    add('warning', 'cookie-lifetime', `cookie ${name} lives ${humanDays(g.first.lifetimeDays ?? 0)} (max 13 months)`, `${name} (${g.first.vendor ?? 'unknown vendor'}) expires in ${Math.round(g.first.lifetimeDays ?? 0)} days; ${LIFETIME_CEILING_DAYS} days (13 months) is the ceiling regulators accept.`, name, g.pages);
  }

  // What nobody has classified.
  const unknownHosts = group(none.flatMap(({ url, pass }) => pass.requests.filter((r) => r.category === 'unknown').map((item) => ({ url, item }))), (r) => r.host);
  if (unknownHosts.size) add('warning', 'unknown-third-party', `${unknownHosts.size} third-party host${unknownHosts.size === 1 ? ' is' : 's are'} contacted before consent and not in any catalog: ${list([...unknownHosts.keys()].slice(0, 8))}`, 'Find out what each one does; if it needs consent, gate it (consentry.config.json lists it, switched off, for you to decide).', null, new Set([...unknownHosts.values()].flatMap((g) => [...g.pages])));
  const unknownCookies = group(all.flatMap(({ url, pass }) => pass.cookies.filter((c) => c.category === 'unknown').map((item) => ({ url, item }))), (c) => c.name);
  if (unknownCookies.size) add('info', 'unknown-cookie', `${unknownCookies.size} cookie${unknownCookies.size === 1 ? ' is' : 's are'} not in any database: ${list([...unknownCookies.keys()].slice(0, 8))}`, 'Check what writes each one and whether it is strictly necessary.', null, new Set([...unknownCookies.values()].flatMap((g) => [...g.pages])));

  // Snippets pasted into the HTML without consent markup.
  const pasted = group(early.filter(({ item }) => item.vendorId && item.kind === 'script' && pages.some((p) => item.initiator.script === p.url)), keyOf);
  for (const g of pasted.values()) add('info', 'unmarked-snippet', `${nameOf(g.first)} is pasted into the page without consent markup`, 'gated-markup.html in the output folder has the same tag, held until consent.', g.first.vendorId, g.pages);

  const failed = pages.filter((p) => p.passes.none.error);
  if (failed.length) add('warning', 'scan-incomplete', `${failed.length} page${failed.length === 1 ? '' : 's'} could not be scanned`, failed.map((p) => `${p.url}: ${p.passes.none.error}`).join('; '), null, failed.map((p) => p.url));

  return v.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}

const PARAMS: Record<string, Array<[RegExp, string]>> = {
  'google-analytics': [[/[?&](?:id|tid)=(G-[A-Z0-9]+)/, 'id']],
  'google-ads': [[/[?&]id=(AW-\d+)/, 'id']],
  'google-tag-manager': [[/[?&]id=(GTM-[A-Z0-9]+)/, 'id']],
  'meta-pixel': [[/facebook\.com\/tr\/?\?(?:.*&)?id=(\d+)/, 'id']],
  hotjar: [[/hotjar-(\d+)\.js/, 'id'], [/\/sites\/(\d+)\//, 'id']],
  'microsoft-clarity': [[/clarity\.ms\/tag\/([a-z0-9]+)/, 'id']],
  'linkedin-insight': [[/[?&](?:pid|partnerId)=(\d+)/, 'id']],
  'tiktok-pixel': [[/[?&]sdkid=([A-Z0-9]+)/, 'id']],
};

/** Every vendor seen in any pass, with the params its requests reveal, for the config skeleton. */
export function vendorsFound(pages: PageReport[]): VendorFound[] {
  const out = new Map<string, VendorFound>();
  for (const page of pages) {
    for (const which of ['none', 'reject', 'accept'] as const) {
      const pass = page.passes[which];
      if (!pass) continue;
      const touch = (r: { vendorId: string | null; vendor: string | null; category: VendorFound['category']; source: VendorFound['source'] }, host: string | null, req?: RequestRecord) => {
        const key = r.vendorId ?? r.vendor ?? host;
        if (!key) return;
        const f = out.get(key) ?? { vendorId: r.vendorId, vendor: r.vendor, category: r.category, source: r.source, hosts: [], params: {}, passes: [], beforeConsent: false };
        if (host && !f.hosts.includes(host)) f.hosts.push(host);
        if (!f.passes.includes(which)) f.passes.push(which);
        if (which === 'none' && nonNecessary(r.category)) f.beforeConsent = true;
        for (const [re, param] of (req && r.vendorId && PARAMS[r.vendorId]) || []) {
          const m = re.exec(req!.url);
          if (m && !f.params[param]) f.params[param] = m[1]!;
        }
        out.set(key, f);
      };
      for (const r of pass.requests) touch(r, r.host, r);
      for (const c of pass.cookies) if (c.vendor || c.category !== 'unknown') touch(c, null);
      for (const s of pass.storage) if (s.vendor || s.category !== 'unknown') touch(s, null);
    }
  }
  return [...out.values()];
}
