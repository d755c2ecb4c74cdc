// One page in one fresh browser context: load, wait for the network to go quiet, find the banner,
// click Reject all / Accept all when the pass asks for it, wait again, then take stock of every
// third-party request, cookie and storage entry, each classified and attributed to its writer.
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { clickControl, findBanner, type BannerOnPage } from './cmp.js';
import { classifyName, classifyUrl, isThirdParty, kindOf, lifetimeDays, LIFETIME_CEILING_DAYS, siteOf } from './classify.js';
import { HOOKS, WRITE_BINDING } from './hooks.js';
import type { CookieRecord, Initiator, PassName, PassReport, Phase, RequestRecord, StorageRecord } from './types.js';

export interface PassOptions {
  /** Quiet network time that ends a wait (ms). */
  quietMs: number;
  /** Longest wait for the network to go quiet (ms). */
  maxWaitMs: number;
  bannerTimeoutMs: number;
  navigationTimeoutMs: number;
  userAgent: string;
  locale: string;
  /** Called on each new context before the page opens (tests route vendor hosts to stubs here). */
  prepareContext?: ((context: BrowserContext) => Promise<void>) | undefined;
  /** Waits for a navigation slot (the rate limit). */
  throttle: () => Promise<void>;
}

export interface PassResult {
  report: PassReport;
  status: number | null;
  banner: BannerOnPage | null;
  links: string[];
  /** The page's live script tags (none pass only), for the gated markup. */
  scripts: ScriptTag[];
  screenshots?: { desktop: Buffer; mobile: Buffer };
  /** After a click: the cookies and storage the decision left, to carry to the other pages. */
  state?: StorageState;
}

export type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** A decision made on another page, replayed from the browser storage it left (the visitor browsing on). */
export interface Seed {
  state: StorageState;
  decidedOn: string;
}

export interface ScriptTag {
  attrs: Array<[string, string]>;
  text: string;
}

interface Seen {
  req: Request;
  t: number;
  phase: Phase;
}

type CdpInitiator = { type: string; url?: string; stack?: CdpStack };
type CdpStack = { callFrames: Array<{ url: string }>; parent?: CdpStack };

function summarize(init: CdpInitiator | undefined): Initiator {
  if (!init) return { type: 'unknown', script: null, chain: [] };
  const chain: string[] = [];
  for (let s: CdpStack | undefined = init.stack; s; s = s.parent) {
    for (const f of s.callFrames) if (f.url && !chain.includes(f.url)) chain.push(f.url);
  }
  return { type: init.type, script: chain[0] ?? init.url ?? null, chain };
}

/** Resolves once no request has been in flight for `quietMs`, or after `maxMs`. */
async function untilQuiet(activity: { pending: number; last: number }, quietMs: number, maxMs: number): Promise<void> {
  const deadline = Date.now() + maxMs;
  // A local timer, not page.waitForTimeout: no round trip to the browser per tick.
  while (Date.now() < deadline) {
    if (activity.pending <= 0 && Date.now() - activity.last >= quietMs) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function runPass(
  browser: Browser,
  url: string,
  pass: PassName,
  opts: PassOptions,
  extra: { screenshots?: boolean; collectLinks?: boolean; seed?: Seed | undefined } = {},
): Promise<PassResult> {
  const seed = pass === 'none' ? undefined : extra.seed;
  const pageHost = new URL(url).hostname;
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    userAgent: opts.userAgent,
    locale: opts.locale,
    serviceWorkers: 'block',
    ...(seed ? { storageState: seed.state } : {}),
  });
  const action: PassReport['action'] = { wanted: pass === 'none' ? null : pass, clicked: false, control: null, at: null, note: null, decidedOn: null };
  const report: PassReport = { pass, ok: false, error: null, action, requests: [], cookies: [], storage: [], firstPartyRequests: 0 };
  const result: PassResult = { report, status: null, banner: null, links: [], scripts: [] };
  try {
    await opts.prepareContext?.(context);
    const writers = new Map<string, string>();
    // What the writer asked for: Chromium caps cookies at 400 days, so a 2-year _ga reads as 400.
    const requested = new Map<string, number | null>();
    await context.exposeBinding(WRITE_BINDING, (_src, kind: string, name: string, script: string | null, frameUrl: string, attrs: string) => {
      writers.set(`${kind}:${name}`, script ?? `inline script on ${frameUrl}`);
      if (kind === 'cookie') requested.set(name, requestedDays(attrs));
    });
    await context.addInitScript(HOOKS);

    let t0 = Date.now();
    let phase: Phase = seed ? 'after-decision' : 'before-decision';
    const seen: Seen[] = [];
    const activity = { pending: 0, last: Date.now() };
    context.on('request', (req) => {
      activity.pending++;
      activity.last = Date.now();
      let host = '';
      try {
        host = new URL(req.url()).hostname;
      } catch {
        return;
      }
      if (!/^https?:/.test(req.url())) return;
      if (isThirdParty(host, pageHost)) seen.push({ req, t: Date.now() - t0, phase });
      else report.firstPartyRequests++;
    });
    const done = () => {
      activity.pending--;
      activity.last = Date.now();
    };
    context.on('requestfinished', done);
    context.on('requestfailed', done);
    context.on('response', (res) => {
      void res
        .headerValue('set-cookie')
        .then((v) => {
          for (const line of (v ?? '').split('\n')) {
            const name = line.split(';')[0]?.split('=')[0]?.trim();
            if (!name) continue;
            writers.set(`cookie:${name}`, `HTTP response from ${res.url().split('?')[0]}`);
            requested.set(name, requestedDays(line.split(';').slice(1).join(';')));
          }
        })
        .catch(() => {});
    });

    const page = await context.newPage();
    const initiators = new Map<string, CdpInitiator>();
    const cdp = await context.newCDPSession(page);
    cdp.on('Network.requestWillBeSent', (e: { request: { url: string }; initiator: CdpInitiator }) => {
      if (!initiators.has(e.request.url)) initiators.set(e.request.url, e.initiator);
    });
    await cdp.send('Network.enable');

    await opts.throttle();
    t0 = Date.now();
    const response = await page.goto(url, { waitUntil: 'load', timeout: opts.navigationTimeoutMs });
    result.status = response?.status() ?? null;
    await untilQuiet(activity, opts.quietMs, opts.maxWaitMs);
    // With a carried decision the banner should not come back: one look, no waiting for it.
    const banner = await findBanner(page, seed ? 0 : opts.bannerTimeoutMs);
    result.banner = banner;

    if (extra.screenshots) {
      const desktop = await page.screenshot({ type: 'png' });
      await page.setViewportSize({ width: 320, height: 640 });
      await page.waitForTimeout(300);
      const mobile = await page.screenshot({ type: 'png' });
      await page.setViewportSize({ width: 1280, height: 800 });
      result.screenshots = { desktop, mobile };
    }
    if (extra.collectLinks) {
      result.links = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href)).catch(() => []);
      result.scripts = await page
        .$$eval('script', (els) =>
          els.map((el) => ({ attrs: Array.from(el.attributes).map((a) => [a.name, a.value] as [string, string]), text: (el.textContent ?? '').slice(0, 8000) })),
        )
        .catch(() => []);
    }

    let before = { cookies: new Set<string>(), storage: new Set<string>() };
    if (pass !== 'none') {
      const control = pass === 'accept' ? banner.accept : banner.reject;
      if (seed && !control) {
        action.decidedOn = seed.decidedOn;
        action.note = `decided on ${seed.decidedOn}, carried over in the browser's storage`;
      } else if (!control || !banner.frame) {
        action.note = banner.accept || banner.reject ? `no ${pass === 'accept' ? 'Accept all' : 'Reject all'} control on the first layer` : 'no consent banner found';
      } else {
        before = { cookies: new Set((await context.cookies()).map((c) => `${c.name}@${c.domain}`)), storage: new Set((await listStorage(page)).map((s) => `${s.area}:${s.origin}:${s.key}`)) };
        action.control = control;
        action.at = Date.now() - t0;
        phase = 'after-decision';
        action.clicked = await clickControl(banner.frame, pass);
        if (action.clicked) action.decidedOn = url;
        else action.note = 'the control could not be clicked';
        await page.waitForLoadState('load').catch(() => {});
        await untilQuiet(activity, opts.quietMs, opts.maxWaitMs);
        // The visitor's next page view, with the decision stored: what runs for the rest of the visit.
        await opts.throttle();
        await page.reload({ waitUntil: 'load', timeout: opts.navigationTimeoutMs }).catch(() => {});
        await untilQuiet(activity, opts.quietMs, opts.maxWaitMs);
        if (action.clicked) result.state = await context.storageState();
      }
    }

    const now = Date.now();
    const pageSite = siteOf(pageHost);
    for (const s of seen) {
      const u = new URL(s.req.url());
      const method = s.req.method();
      const type = s.req.resourceType();
      const init = initiators.get(s.req.url());
      let initiator = summarize(init);
      if (!init) {
        let frameUrl: string | null = null;
        try {
          frameUrl = s.req.frame().url();
        } catch {
          frameUrl = null;
        }
        if (frameUrl && frameUrl !== url) initiator = { type: 'frame', script: frameUrl, chain: [frameUrl] };
      }
      report.requests.push({ url: s.req.url(), host: u.hostname, method, resourceType: type, kind: kindOf(type, method, s.req.url()), phase: s.phase, t: s.t, initiator, ...classifyUrl(s.req.url()) });
    }
    for (const c of await context.cookies()) {
      const cls = classifyName(c.name, 'cookie');
      const stored = lifetimeDays(c.expires, now);
      const asked = requested.get(c.name);
      const days = asked !== undefined && asked !== null && stored !== null ? Math.max(asked, stored) : stored;
      const { retention, ...classification } = cls;
      const record: CookieRecord = {
        name: c.name,
        domain: c.domain,
        path: c.path,
        firstParty: siteOf(c.domain.replace(/^\./, '')) === pageSite,
        lifetimeDays: days,
        tooLong: days !== null && days > LIFETIME_CEILING_DAYS,
        phase: pass === 'none' || (!seed && !action.clicked) || before.cookies.has(`${c.name}@${c.domain}`) ? 'before-decision' : 'after-decision',
        writtenBy: writers.get(`cookie:${c.name}`) ?? null,
        expectedRetention: retention,
        ...classification,
      };
      report.cookies.push(record);
    }
    for (const s of await listStorage(page)) {
      const { retention: _r, ...classification } = classifyName(s.key, 'storage');
      const record: StorageRecord = {
        ...s,
        phase: pass === 'none' || (!seed && !action.clicked) || before.storage.has(`${s.area}:${s.origin}:${s.key}`) ? 'before-decision' : 'after-decision',
        writtenBy: writers.get(`${s.area}:${s.key}`) ?? null,
        ...classification,
      };
      report.storage.push(record);
    }
    report.ok = true;
  } catch (error) {
    report.error = (error as Error).message.split('\n')[0] ?? String(error);
  } finally {
    await context.close().catch(() => {});
  }
  return result;
}

/** Days a cookie's own attributes ask for (Max-Age wins over Expires, as in RFC 6265); null for a session cookie. */
export function requestedDays(attrs: string, now = Date.now()): number | null {
  const maxAge = /(?:^|;)\s*max-age\s*=\s*(-?\d+)/i.exec(attrs);
  if (maxAge) return Math.max(0, Math.round((Number(maxAge[1]) / 86_400) * 10) / 10);
  const expires = /(?:^|;)\s*expires\s*=\s*([^;]+)/i.exec(attrs);
  const t = expires ? Date.parse(expires[1]!) : NaN;
  return Number.isFinite(t) ? Math.max(0, Math.round(((t - now) / 86_400_000) * 10) / 10) : null;
}

/** localStorage, sessionStorage keys and IndexedDB databases of every frame, de-duplicated. */
async function listStorage(page: Page): Promise<Array<{ area: StorageRecord['area']; origin: string; key: string }>> {
  const out = new Map<string, { area: StorageRecord['area']; origin: string; key: string }>();
  for (const frame of page.frames()) {
    const entries = await frame
      .evaluate(async () => {
        const list: Array<{ area: 'localStorage' | 'sessionStorage' | 'indexedDB'; origin: string; key: string }> = [];
        const origin = location.origin;
        for (const area of ['localStorage', 'sessionStorage'] as const) {
          try {
            const s = window[area];
            for (let i = 0; i < s.length; i++) list.push({ area, origin, key: s.key(i) ?? '' });
          } catch {
            /* storage denied in this frame */
          }
        }
        try {
          for (const db of await indexedDB.databases()) if (db.name) list.push({ area: 'indexedDB', origin, key: db.name });
        } catch {
          /* no IndexedDB here */
        }
        return list;
      })
      .catch(() => []);
    for (const e of entries) if (/^https?:/.test(e.origin)) out.set(`${e.area}:${e.origin}:${e.key}`, e);
  }
  return [...out.values()];
}
