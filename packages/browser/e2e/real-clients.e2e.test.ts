// The real Mixpanel, PostHog and Amplitude browser clients (from npm), pasted with their official
// snippets and served at their own URLs by request routing, on a page with the script-tag build. Each
// is tried gated (`type="text/plain" data-vendor`) and unmarked (automatic blocking). Requests are
// counted by interception, storage is read from the browser itself (cookies of every domain,
// localStorage, sessionStorage, IndexedDB), never from the SDK's own report.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoRoots, hasChromium, launch, noChromium, serveStatic, type StaticServer } from './harness.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const require = createRequire(import.meta.url);
const pkgDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
const MIXPANEL_LIB = readFileSync(join(pkgDir('mixpanel-browser'), 'dist/mixpanel.min.js'), 'utf8');
const MIXPANEL_SNIPPET = readFileSync(join(pkgDir('mixpanel-browser'), 'dist/mixpanel-jslib-snippet.min.js'), 'utf8');
const POSTHOG_DIST = join(pkgDir('posthog-js'), 'dist');
const AMPLITUDE_SCRIPTS = join(pkgDir('@amplitude/analytics-browser'), 'lib/scripts');
const AMPLITUDE_LIB = readFileSync(join(AMPLITUDE_SCRIPTS, 'amplitude-min.js'), 'utf8');
const AMPLITUDE_SNIPPET = readFileSync(join(AMPLITUDE_SCRIPTS, 'amplitude-snippet-min.js'), 'utf8');
const AMPLITUDE_URL = /src="(https:\/\/cdn\.amplitude\.com\/[^"]+)"/.exec(AMPLITUDE_SNIPPET)![1]!;

const MIXPANEL_TOKEN = '0123456789abcdef0123456789abcdef';
const POSTHOG_KEY = 'phc_0123456789abcdefghijABCDEFGHIJ';
const AMPLITUDE_KEY = 'fedcba9876543210fedcba9876543210';
// PostHog's snippet as its docs give it (posthog-js ships the library, not the snippet).
const POSTHOG_SNIPPET = `!function(t,e){var o,n,p,r;e.__SV||(window.posthog=e,e._i=[],e.init=function(i,s,a){function g(t,e){var o=e.split(".");2==o.length&&(t=t[o[0]],e=o[1]),t[e]=function(){t.push([e].concat(Array.prototype.slice.call(arguments,0)))}}(p=t.createElement("script")).type="text/javascript",p.crossOrigin="anonymous",p.async=!0,p.src=s.api_host.replace(".i.posthog.com","-assets.i.posthog.com")+"/static/array.js",(r=t.getElementsByTagName("script")[0]).parentNode.insertBefore(p,r);var u=e;for(void 0!==a?u=e[a]=[]:a="posthog",u.people=u.people||[],u.toString=function(t){var e="posthog";return"posthog"!==a&&(e+="."+a),t||(e+=" (stub)"),e},u.people.toString=function(){return u.toString(1)+".people (stub)"},o="init capture register register_once register_for_session unregister unregister_for_session getFeatureFlag getFeatureFlagPayload isFeatureEnabled reloadFeatureFlags updateEarlyAccessFeatureEnrollment getEarlyAccessFeatures on onFeatureFlags onSessionId getSurveys getActiveMatchingSurveys renderSurvey canRenderSurvey getNextSurveyStep identify setPersonProperties group resetGroups setPersonPropertiesForFlags resetPersonPropertiesForFlags setGroupPropertiesForFlags resetGroupPropertiesForFlags reset get_distinct_id getGroups get_session_id get_session_replay_url alias set_config startSessionRecording stopSessionRecording sessionRecordingStarted captureException loadToolbar get_property getSessionProperty createPersonProfile opt_in_capturing opt_out_capturing has_opted_in_capturing has_opted_out_capturing clear_opt_in_out_capturing debug".split(" "),n=0;n<o.length;n++)g(u,o[n]);e._i.push([i,s,a])},e.__SV=1)}(document,window.posthog||[]);`;

const SNIPPETS = [
  `${MIXPANEL_SNIPPET}\nmixpanel.init('${MIXPANEL_TOKEN}', { track_pageview: true, api_host: 'https://api-js.mixpanel.com' });`,
  `${POSTHOG_SNIPPET}\nposthog.init('${POSTHOG_KEY}', { api_host: 'https://eu.i.posthog.com', person_profiles: 'identified_only' });`,
  `${AMPLITUDE_SNIPPET}\namplitude.init('${AMPLITUDE_KEY}', { autocapture: true });`,
];
const VENDOR_IDS = ['mixpanel', 'posthog', 'amplitude'];
/** Where the clients send what they collect (their script hosts are only fetched). */
const BEACON_HOSTS = /^(api-js\.mixpanel\.com|api-eu\.mixpanel\.com|eu\.i\.posthog\.com|us\.i\.posthog\.com|api2\.amplitude\.com|api\.eu\.amplitude\.com|sr-client-cfg\.amplitude\.com)$/;

function pageHtml(variant: 'gated' | 'unmarked'): string {
  const config = {
    categories: { statistics: {} },
    vendors: { mixpanel: { id: MIXPANEL_TOKEN }, posthog: { id: POSTHOG_KEY, host: 'https://eu.i.posthog.com' }, amplitude: { id: AMPLITUDE_KEY } },
  };
  const snippets = SNIPPETS.map((code, i) =>
    variant === 'gated' ? `<script type="text/plain" data-vendor="${VENDOR_IDS[i]}">${code}</script>` : `<script>${code}</script>`,
  ).join('\n  ');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Real analytics clients (${variant})</title>
  <script type="application/json" id="consentry-config">${JSON.stringify(config)}</script>
  <script src="/consentry.min.js"></script>
  ${snippets}
</head>
<body>
  <h1>Product analytics</h1>
  <button type="button" id="act">Do something</button>
</body>
</html>`;
}

interface Seen {
  url: string;
  host: string;
}

/** Answers each vendor host with its real client or a plausible API reply, and records every request. */
async function routeVendors(context: BrowserContext, origin: string): Promise<Seen[]> {
  const seen: Seen[] = [];
  const ours = new URL(origin).hostname;
  await context.route(
    (url) => url.hostname !== ours,
    async (route) => {
      const url = new URL(route.request().url());
      seen.push({ url: url.href, host: url.hostname });
      const js = (body: string) => route.fulfill({ status: 200, contentType: 'text/javascript', body, headers: { 'access-control-allow-origin': '*' } });
      const json = (body: unknown) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body), headers: { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' } });
      if (url.hostname === 'cdn.mxpnl.com') return js(MIXPANEL_LIB);
      if (url.href === AMPLITUDE_URL) return js(AMPLITUDE_LIB);
      if (url.hostname === 'eu-assets.i.posthog.com' && url.pathname.startsWith('/static/')) {
        try {
          return js(readFileSync(join(POSTHOG_DIST, url.pathname.slice('/static/'.length)), 'utf8'));
        } catch {
          return route.fulfill({ status: 404, body: '' });
        }
      }
      if (url.hostname.endsWith('posthog.com') && url.pathname.includes('/flags')) return json({ featureFlags: {}, featureFlagPayloads: {}, errorsWhileComputingFlags: false });
      if (url.hostname.endsWith('posthog.com') && url.pathname.includes('/config')) return json({});
      if (url.hostname.endsWith('amplitude.com')) return json({ code: 200, events_ingested: 1 });
      if (url.hostname.endsWith('mixpanel.com')) return json(1);
      return json({ status: 1 });
    },
  );
  return seen;
}

/** Everything the page's origin stores, as the browser has it. */
async function storage(context: BrowserContext, page: Page) {
  const cookies = (await context.cookies()).map((c) => `${c.name}@${c.domain}`).filter((c) => !c.startsWith('consentry@'));
  const inPage = await page.evaluate(async () => {
    const keys = (s: Storage) => Array.from({ length: s.length }, (_, i) => s.key(i)!);
    const dbs = typeof indexedDB.databases === 'function' ? (await indexedDB.databases()).map((d) => d.name ?? '') : [];
    return { localStorage: keys(localStorage), sessionStorage: keys(sessionStorage), indexedDB: dbs };
  });
  return { cookies, ...inPage };
}
const EMPTY = { cookies: [], localStorage: [], sessionStorage: [], indexedDB: [] };

describe.skipIf(!hasChromium)('real Mixpanel, PostHog and Amplitude clients in Chromium' + noChromium, () => {
  let browser: Browser;
  let site: StaticServer;
  let origin: string;
  let context: BrowserContext;
  let page: Page;
  let requests: Seen[];
  let errors: string[];

  beforeAll(async () => {
    // A real registrable domain, so the clients set cookies on the parent domain as they do in production.
    browser = await launch(['--host-resolver-rules=MAP www.shop.test 127.0.0.1']);
    site = await serveStatic(demoRoots(ROOT));
    for (const variant of ['gated', 'unmarked'] as const) site.routes.set(`/real-${variant}.html`, () => [200, 'text/html; charset=utf-8', pageHtml(variant)]);
    origin = site.url.replace('127.0.0.1', 'www.shop.test');
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext();
    requests = await routeVendors(context, origin);
    page = await context.newPage();
    errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
  });
  afterEach(async () => {
    await context?.close();
  });

  const beacons = () => requests.filter((r) => BEACON_HOSTS.test(r.host));
  const act = async () => {
    await page.evaluate(() => {
      const w = window as unknown as Record<string, { track?: (e: string) => void; capture?: (e: string) => void }>;
      w.mixpanel?.track?.('clicked');
      w.posthog?.capture?.('clicked');
      w.amplitude?.track?.('clicked');
    });
    await page.locator('#act').click();
  };
  type Api = { acceptAll(): void; update(c: Record<string, boolean>): void };
  const acceptAll = () => page.evaluate(() => (window as unknown as { Consentry: Api }).Consentry.acceptAll());
  const withdrawStatistics = () => page.evaluate(() => (window as unknown as { Consentry: Api }).Consentry.update({ statistics: false }));

  for (const variant of ['gated', 'unmarked'] as const) {
    it(`${variant}: nothing before consent, all three after accept, no beacon and no storage after withdrawal, nor after a reload`, async () => {
      await page.goto(`${origin}/real-${variant}.html`);
      await page.waitForTimeout(1500);
      await act();
      await page.waitForTimeout(500);
      expect(requests).toEqual([]);
      expect(await storage(context, page)).toEqual(EMPTY);

      await acceptAll();
      for (const host of ['api-js.mixpanel.com', 'eu.i.posthog.com', 'api2.amplitude.com']) {
        await act();
        await expect.poll(() => beacons().some((r) => r.host === host), { timeout: 15_000, message: `a beacon to ${host}` }).toBe(true);
      }
      const stored = await storage(context, page);
      // Each client keeps its state on the visitor's device once allowed.
      expect(stored.cookies.some((c) => c.startsWith('mp_'))).toBe(true);
      expect([...stored.cookies, ...stored.localStorage].some((k) => k.startsWith('ph_'))).toBe(true);
      expect([...stored.cookies, ...stored.localStorage].some((k) => k.startsWith('AMP_'))).toBe(true);

      await withdrawStatistics();
      await page.waitForTimeout(300);
      const before = beacons().length;
      for (let i = 0; i < 3; i++) {
        await act();
        await page.waitForTimeout(1200);
      }
      expect(beacons().slice(before)).toEqual([]);
      expect(await storage(context, page)).toEqual(EMPTY);

      await page.reload();
      await page.waitForTimeout(1500);
      await act();
      await page.waitForTimeout(1500);
      expect(beacons().slice(before)).toEqual([]);
      expect(await storage(context, page)).toEqual(EMPTY);
      expect(errors).toEqual([]);
    }, 90_000);
  }
});
