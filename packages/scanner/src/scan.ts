// The crawl: breadth-first over same-origin links from the start URL, at most `pages` pages,
// `concurrency` pages at a time, navigations spaced by the rate limit (or robots.txt's Crawl-delay
// when that is slower), robots.txt honoured unless told otherwise. Each page gets the three passes.
import type { Browser, BrowserContext } from 'playwright-core';
import { findBrowser, launchBrowser, ScanError, visitorUserAgent } from './browser.js';
import { LIFETIME_CEILING_DAYS } from './classify.js';
import { runPass, type PassOptions, type ScriptTag, type Seed } from './pass.js';
import { fetchRobots } from './robots.js';
import type { CmpReport, PageReport, ScanReport } from './types.js';
import { buildVerdicts, vendorsFound } from './verdicts.js';

export const SCHEMA_URL = 'https://consentry.dev/schema/scan-report/v1.json';
export const VERSION = '0.1.0';

export interface ScanOptions {
  url: string;
  pages?: number | undefined;
  concurrency?: number | undefined;
  /** Page loads started per second, at most. */
  ratePerSecond?: number | undefined;
  ignoreRobots?: boolean | undefined;
  /** Scan URLs that differ only in their query (`?lang=lv`, `?lang=ru`) as pages of their own. Default false: one page. */
  keepQuery?: boolean | undefined;
  browser?: string | undefined;
  locale?: string | undefined;
  quietMs?: number | undefined;
  maxWaitMs?: number | undefined;
  bannerTimeoutMs?: number | undefined;
  navigationTimeoutMs?: number | undefined;
  onProgress?: ((p: Progress) => void) | undefined;
  /** Programmatic only: a browser already launched (left open afterwards), instead of launching `browser`. */
  browserInstance?: Browser | undefined;
  /** Programmatic only: adjust each fresh context (tests answer vendor hosts with stubs). */
  prepareContext?: ((context: BrowserContext) => Promise<void>) | undefined;
}

export interface Progress {
  done: number;
  queued: number;
  total: number;
  elapsedMs: number;
  current: string | null;
  lastDone?: { url: string; ms: number; error: string | null } | undefined;
}

export interface ScanOutput {
  report: ScanReport;
  screenshots: { desktop: Buffer; mobile: Buffer } | null;
  /** Script tags as the site has them, for the gated markup. */
  scripts: Array<{ page: string; tag: ScriptTag }>;
}

const SKIP_EXT = /\.(pdf|zip|gz|rar|7z|jpe?g|png|gif|webp|svg|ico|mp[34]|mov|avi|webm|woff2?|ttf|css|js|json|xml|rss|txt|docx?|xlsx?|pptx?)$/i;

export function normalizeLink(href: string, origin: string): string | null {
  try {
    const u = new URL(href);
    if (u.origin !== origin || !/^https?:$/.test(u.protocol) || SKIP_EXT.test(u.pathname)) return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

/** What makes two links the same page: the address without its query, unless queries are kept. */
export function pageKey(url: string, keepQuery = false): string {
  if (keepQuery) return url;
  const u = new URL(url);
  u.search = '';
  return u.href;
}

export async function scan(options: ScanOptions): Promise<ScanOutput> {
  const started = Date.now();
  let start: URL;
  try {
    start = new URL(options.url);
    if (!/^https?:$/.test(start.protocol)) throw new Error('not http(s)');
  } catch {
    throw new ScanError(`not an http(s) URL: ${options.url}`);
  }
  const maxPages = Math.max(1, options.pages ?? 20);
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const executable = options.browserInstance ? (options.browser ?? 'given by the caller') : findBrowser(options.browser);
  const robots = options.ignoreRobots ? null : await fetchRobots(start.origin);
  const rate = options.ratePerSecond ?? 4;
  const gapMs = Math.max(1000 / rate, (robots?.crawlDelaySeconds ?? 0) * 1000);

  const browser = options.browserInstance ?? (await launchBrowser(executable));
  try {
    const userAgent = await visitorUserAgent(browser);
    let nextSlot = 0;
    const passOptions: PassOptions = {
      quietMs: options.quietMs ?? 600,
      maxWaitMs: options.maxWaitMs ?? 5000,
      bannerTimeoutMs: options.bannerTimeoutMs ?? 2500,
      navigationTimeoutMs: options.navigationTimeoutMs ?? 30_000,
      userAgent,
      locale: options.locale ?? 'en-US',
      prepareContext: options.prepareContext,
      throttle: async () => {
        const now = Date.now();
        const at = Math.max(now, nextSlot);
        nextSlot = at + gapMs;
        if (at > now) await new Promise((r) => setTimeout(r, at - now));
      },
    };

    const queue: Array<{ url: string; depth: number }> = [];
    const known = new Set<string>();
    const skipped: ScanReport['skipped'] = [];
    const results: Array<{ order: number; page: PageReport }> = [];
    let order = 0;
    const seeds: { reject?: Seed; accept?: Seed } = {};
    let screenshots: ScanOutput['screenshots'] = null;
    const scripts: ScanOutput['scripts'] = [];
    let cmp: CmpReport = { found: false, name: null, accept: null, reject: null, firstLayerReject: false, prominence: null };
    const enqueue = (url: string, depth: number) => {
      const norm = normalizeLink(url, start.origin);
      if (!norm || known.has(pageKey(norm, options.keepQuery)) || known.size >= maxPages) return;
      if (robots && !robots.allowed(norm)) {
        if (!skipped.some((s) => s.url === norm)) skipped.push({ url: norm, reason: 'disallowed by robots.txt' });
        return;
      }
      known.add(pageKey(norm, options.keepQuery));
      queue.push({ url: norm, depth });
    };
    enqueue(start.href, 0);
    if (queue.length === 0) throw new ScanError(`robots.txt disallows ${start.href}; use --ignore-robots if you own the site`);

    let done = 0;
    const current = new Set<string>();
    const progress = (lastDone?: Progress['lastDone']) =>
      options.onProgress?.({ done, queued: queue.length, total: known.size, elapsedMs: Date.now() - started, current: [...current].at(-1) ?? null, lastDone });

    const scanPage = async (item: { url: string; depth: number }, index: number): Promise<void> => {
      const t = Date.now();
      current.add(item.url);
      progress();
      const first = index === 0;
      const none = await runPass(browser, item.url, 'none', passOptions, { collectLinks: true, screenshots: first });
      if (first && (none.report.error || none.status === null)) {
        throw new ScanError(`could not load ${item.url}: ${none.report.error ?? 'no response'}`);
      }
      if (first && none.status !== null && none.status >= 400) throw new ScanError(`${item.url} answered HTTP ${none.status}`);
      if (none.screenshots) screenshots = none.screenshots;
      for (const link of none.links) enqueue(link, item.depth + 1);
      for (const tag of none.scripts) scripts.push({ page: item.url, tag });
      const page: PageReport = { url: item.url, status: none.status, depth: item.depth, passes: { none: none.report, reject: null, accept: null }, notes: [] };
      const b = none.banner;
      const hasBanner = !!b && !!(b.accept || b.reject);
      if (hasBanner && (!cmp.found || first)) {
        cmp = { found: true, name: b.cmp, accept: b.accept, reject: b.reject, firstLayerReject: !!b.reject, prominence: b.prominence };
      }
      if (hasBanner || seeds.reject || seeds.accept) {
        // The click happens once, on the first page with a banner; later pages carry that decision.
        const [reject, accept] = await Promise.all([
          runPass(browser, item.url, 'reject', passOptions, { seed: seeds.reject }),
          runPass(browser, item.url, 'accept', passOptions, { seed: seeds.accept }),
        ]);
        if (!seeds.reject && reject.state) seeds.reject = { state: reject.state, decidedOn: item.url };
        if (!seeds.accept && accept.state) seeds.accept = { state: accept.state, decidedOn: item.url };
        page.passes.reject = reject.report;
        page.passes.accept = accept.report;
      } else {
        if (b?.cmp && !cmp.name) cmp = { ...cmp, name: b.cmp };
        page.notes.push('no consent banner found: the Reject all and Accept all passes were not run');
      }
      results.push({ order: index, page });
      current.delete(item.url);
      done++;
      progress({ url: item.url, ms: Date.now() - t, error: none.report.error });
    };

    // A pool of workers pulling from the queue; the first page runs alone so an unreachable site fails fast.
    const item0 = queue.shift()!;
    await scanPage(item0, order++);
    const worker = async () => {
      for (;;) {
        const item = queue.shift();
        if (!item) {
          if (current.size === 0) return;
          await new Promise((r) => setTimeout(r, 50));
          continue;
        }
        await scanPage(item, order++);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));

    const pages = results.sort((a, b) => a.order - b.order).map((r) => r.page);
    const verdicts = buildVerdicts(pages, cmp);
    const violations = verdicts.filter((v) => v.severity === 'violation').length;
    const warnings = verdicts.filter((v) => v.severity === 'warning').length;
    const finished = Date.now();
    const report: ScanReport = {
      $schema: SCHEMA_URL,
      schemaVersion: 1,
      tool: { name: '@consentry/scanner', version: VERSION },
      startedAt: new Date(started).toISOString(),
      finishedAt: new Date(finished).toISOString(),
      durationMs: finished - started,
      target: { url: start.href, origin: start.origin },
      options: { pages: maxPages, concurrency, ratePerSecond: rate, robots: robots ? 'honoured' : 'ignored', browser: executable, lifetimeCeilingDays: LIFETIME_CEILING_DAYS },
      summary: { pagesScanned: pages.length, violations, warnings, clean: violations === 0 },
      verdicts,
      cmp,
      vendors: vendorsFound(pages),
      pages,
      skipped,
      screenshots: screenshots ? { desktop: 'banner-desktop.png', mobile: 'banner-320.png' } : { desktop: null, mobile: null },
    };
    return { report, screenshots, scripts };
  } finally {
    if (!options.browserInstance) await browser.close().catch(() => {});
  }
}
