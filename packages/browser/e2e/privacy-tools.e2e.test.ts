// The privacy tools visitors answer banners with, against the built script tag in real Chromium:
// DuckDuckGo's real @duckduckgo/autoconsent (its Playwright build, injected the way its docs say)
// with its own bundled rules plus ours, and the Consent-O-Matic rule list (see consent-o-matic.ts
// for which engine runs it). Trackers are consent-blind stubs; requests are counted by interception.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { blindStubs, TRACKER_COOKIES, type Hit } from './consent-blind.js';
import { COM_ENGINE, injectConsentOMatic } from './consent-o-matic.js';
import { hasChromium, noChromium, launch, serveStatic, type StaticServer } from './harness.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const require = createRequire(import.meta.url);
const AUTOCONSENT_DIR = dirname(dirname(require.resolve('@duckduckgo/autoconsent')));
const AUTOCONSENT_JS = readFileSync(join(AUTOCONSENT_DIR, 'dist', 'autoconsent.playwright.js'), 'utf8');
const BUNDLED_RULES = JSON.parse(readFileSync(join(AUTOCONSENT_DIR, 'rules', 'rules.json'), 'utf8')).autoconsent as unknown[];
const OUR_AUTOCONSENT_RULE = JSON.parse(readFileSync(join(ROOT, 'integrations/privacy-tools/autoconsent/consentry.json'), 'utf8'));
const OUR_COM_RULES = JSON.parse(readFileSync(join(ROOT, 'integrations/privacy-tools/consent-o-matic/consentry.json'), 'utf8'));

const LANGUAGES = ['en', 'lv', 'ru', 'et', 'lt'] as const;
/** A shop page: five vendors by config, Clarity's snippet also pasted unmarked (held until granted), the banner in `lang`. */
function page(lang: string, layout: string): string {
  const config = {
    language: lang,
    layout,
    categories: { functional: {}, statistics: {}, targeting: {} },
    vendors: {
      intercom: { id: 'abc12345' },
      'google-analytics': { id: 'G-TOOLS1234' },
      hotjar: { id: '3456789' },
      'meta-pixel': { id: '1234567890' },
      // Listed, so the pasted snippet may run once granted (an unlisted vendor never runs: undisclosed).
      'microsoft-clarity': { id: 'pasted1234' },
    },
    reopenButton: true,
  };
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>shop</title>
<script type="application/json" id="consentry-config">${JSON.stringify(config)}</script>
<script src="/consentry.min.js"></script>
<script>(function (c, l, a, r, i) {
  c[a] = c[a] || function () { (c[a].q = c[a].q || []).push(arguments); };
  var t = l.createElement(r); t.async = 1; t.src = 'https://www.clarity.ms/tag/' + i;
  var y = l.getElementsByTagName(r)[0]; y.parentNode.insertBefore(t, y);
})(window, document, 'clarity', 'script', 'pasted1234');</script>
</head><body><h1>Shop</h1><p>Products.</p></body></html>`;
}

type Message = { type: string; [k: string]: unknown };

/** Wires autoconsent's Playwright build the way its docs/puppeteer.md does: a binding for its messages, the content script before any page script. */
async function injectAutoconsent(p: Page, autoAction: 'optOut' | 'optIn', rules: unknown[]): Promise<Message[]> {
  const received: Message[] = [];
  let selfTestFrame: Frame | null = null;
  const reply = (frame: Frame, message: unknown) => frame.evaluate((m) => (window as any).autoconsentReceiveMessage(m), message).catch(() => {});
  await p.exposeBinding('autoconsentSendMessage', async ({ frame }: { frame: Frame }, message: Message) => {
    received.push(message);
    if (message.type === 'init') {
      await reply(frame, {
        type: 'initResp',
        config: {
          enabled: true,
          autoAction,
          disabledCmps: [],
          enablePrehide: true,
          enableCosmeticRules: true,
          enableGeneratedRules: true,
          enableHeuristicDetection: true,
          heuristicMode: 'tier2', // as in its docs/puppeteer.md: heuristics on, at their widest
          detectRetries: 20,
          isMainWorld: false,
          prehideTimeout: 2000,
          logs: { lifecycle: false, rulesteps: false, detectionsteps: false, evals: false, errors: false, messages: false, waits: false },
        },
        rules: { autoconsent: rules },
      });
    } else if (message.type === 'eval') {
      const result = await frame.evaluate(message.code as string).catch(() => false);
      await reply(frame, { type: 'evalResp', id: message.id, result });
    } else if ((message.type === 'optOutResult' || message.type === 'optInResult') && message.scheduleSelfTest) {
      selfTestFrame = frame;
    } else if (message.type === 'autoconsentDone' && selfTestFrame) {
      await reply(selfTestFrame, { type: 'selfTest' });
    }
  });
  await p.addInitScript(AUTOCONSENT_JS);
  return received;
}

describe.skipIf(!hasChromium)('privacy tools answer the Consentry banner' + noChromium, () => {
  let browser: Browser;
  let site: StaticServer;
  let context: BrowserContext;
  let hits: Hit[];

  beforeAll(async () => {
    browser = await launch();
    site = await serveStatic([['/', join(ROOT, 'packages/browser/dist')]]);
    site.routes.set('/shop.html', (url) => [200, 'text/html; charset=utf-8', page(url.searchParams.get('lang') ?? 'en', url.searchParams.get('layout') ?? 'bar')]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext();
    hits = await blindStubs(context);
  });
  afterEach(async () => {
    await context?.close();
  });

  const shadowCount = (p: Page, selector: string) =>
    p.evaluate((s) => document.querySelector('consentry-ui')?.shadowRoot?.querySelectorAll(s).length ?? -1, selector);
  /** The decision as a fresh page load reads it back from the cookie. */
  async function storedDecision(url: string) {
    const fresh = await context.newPage();
    await fresh.goto(url);
    await fresh.waitForFunction(() => (window as any).Consentry?.getConsent());
    const state = await fresh.evaluate(() => (window as any).Consentry.getConsent());
    await fresh.close();
    return state as { status: string; choices: Record<string, boolean>; vendors: Record<string, boolean>; method: string; gpc: boolean };
  }
  const trackerCookies = async () => (await context.cookies()).map((c) => c.name).filter((n) => TRACKER_COOKIES.test(n));
  const until = async (messages: Message[], type: string) => {
    await expect.poll(() => messages.some((m) => m.type === type), { timeout: 15_000 }).toBe(true);
    return messages.filter((m) => m.type === type);
  };

  describe('DuckDuckGo autoconsent (real, from npm)', () => {
    for (const lang of LANGUAGES) {
      it(`${lang}: detects Consentry, opts out, banner closes, every optional category denied, no tracker, self-test passes`, async () => {
        const p = await context.newPage();
        const messages = await injectAutoconsent(p, 'optOut', [...BUNDLED_RULES, OUR_AUTOCONSENT_RULE]);
        const url = `${site.url}/shop.html?lang=${lang}&layout=${lang === 'ru' ? 'modal' : lang === 'et' ? 'box' : 'bar'}`;
        await p.goto(url);
        // The banner really is in the visitor's language (the rule must not depend on it): the UI
        // only takes a language whose table it has.
        await expect.poll(() => p.evaluate(() => document.querySelector('consentry-ui')?.getAttribute('lang')), { timeout: 10_000 }).toBe(lang);

        expect((await until(messages, 'cmpDetected')).map((m) => m.cmp)).toContain('Consentry');
        expect((await until(messages, 'popupFound')).map((m) => m.cmp)).toEqual(['Consentry']);
        expect(await until(messages, 'optOutResult')).toEqual([expect.objectContaining({ result: true, cmp: 'Consentry', scheduleSelfTest: true })]);
        await until(messages, 'autoconsentDone');
        expect(await until(messages, 'selfTestResult')).toEqual([expect.objectContaining({ result: true, cmp: 'Consentry' })]);
        expect(messages.filter((m) => m.type === 'autoconsentError')).toEqual([]);

        expect(await shadowCount(p, '[data-consentry-banner]')).toBe(0);
        const stored = await storedDecision(url);
        expect(stored.status).toBe('decided');
        expect(stored.choices).toEqual({ necessary: true, functional: false, statistics: false, targeting: false });
        expect(Object.values(stored.vendors)).toEqual([false, false, false, false, false]);
        await p.waitForTimeout(300);
        expect(hits.map((h) => h.url)).toEqual([]);
        expect(await trackerCookies()).toEqual([]);
      });
    }

    it('without our rule (its bundled rules and heuristics only), it leaves lv, et and lt banners unanswered', async () => {
      for (const lang of ['lv', 'et', 'lt']) {
        const p = await context.newPage();
        const messages = await injectAutoconsent(p, 'optOut', BUNDLED_RULES);
        await p.goto(`${site.url}/shop.html?lang=${lang}`);
        await expect.poll(() => p.evaluate(() => document.querySelector('consentry-ui')?.getAttribute('lang')), { timeout: 10_000 }).toBe(lang);
        await p.waitForTimeout(2000);
        expect(messages.filter((m) => m.type === 'optOutResult' && m.result === true)).toEqual([]);
        expect(await shadowCount(p, '[data-consentry-banner]')).toBe(1);
        await p.close();
      }
    }, 60_000);

    it('opt-in grants every category and vendor (and the trackers then load)', async () => {
      const p = await context.newPage();
      const messages = await injectAutoconsent(p, 'optIn', [...BUNDLED_RULES, OUR_AUTOCONSENT_RULE]);
      const url = `${site.url}/shop.html?lang=lv`;
      await p.goto(url);
      expect(await until(messages, 'optInResult')).toEqual([expect.objectContaining({ result: true, cmp: 'Consentry' })]);
      const stored = await storedDecision(url);
      expect(stored.choices).toEqual({ necessary: true, functional: true, statistics: true, targeting: true });
      expect(stored.vendors).toEqual({ intercom: true, 'google-analytics': true, hotjar: true, 'meta-pixel': true, 'microsoft-clarity': true });
      // A consent-blind stub fires as soon as it loads: now every vendor does.
      await expect.poll(() => new Set(hits.map((h) => h.host)).size, { timeout: 10_000 }).toBeGreaterThanOrEqual(5);
    });

    it('with GPC on, the opt-out and the record both say GPC applied', async () => {
      await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
      const p = await context.newPage();
      const messages = await injectAutoconsent(p, 'optOut', [...BUNDLED_RULES, OUR_AUTOCONSENT_RULE]);
      await p.goto(`${site.url}/shop.html?lang=et`);
      expect(await until(messages, 'selfTestResult')).toEqual([expect.objectContaining({ result: true })]);
      const stored = await storedDecision(`${site.url}/shop.html?lang=et`);
      expect(stored).toMatchObject({ method: 'reject-all', gpc: true });
      expect(hits.map((h) => h.url)).toEqual([]);
    });

    it('with GPC on, opt-in grants all but targeting and is recorded as method "gpc"', async () => {
      await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
      const p = await context.newPage();
      const messages = await injectAutoconsent(p, 'optIn', [...BUNDLED_RULES, OUR_AUTOCONSENT_RULE]);
      await p.goto(`${site.url}/shop.html?lang=lt`);
      expect(await until(messages, 'optInResult')).toEqual([expect.objectContaining({ result: true })]);
      const stored = await storedDecision(`${site.url}/shop.html?lang=lt`);
      expect(stored).toMatchObject({ method: 'gpc', gpc: true, choices: { functional: true, statistics: true, targeting: false } });
      await p.waitForTimeout(500);
      expect(hits.filter((h) => /facebook/.test(h.host)).map((h) => h.url)).toEqual([]);
    });
  });

  describe('Consent-O-Matic rule list', () => {
    const ALL_OFF = { A: false, B: false, D: false, E: false, F: false, X: false };
    for (const lang of LANGUAGES) {
      it(`${lang}: every category off, saved, banner closed, no tracker`, async () => {
        const p = await context.newPage();
        const handled = await injectConsentOMatic(p, OUR_COM_RULES, ALL_OFF);
        const url = `${site.url}/shop.html?lang=${lang}`;
        await p.goto(url);
        await expect.poll(handled, { timeout: 15_000 }).toMatchObject({ handled: true, cmpName: 'Consentry', engine: COM_ENGINE });
        expect(await shadowCount(p, '[data-consentry-banner]')).toBe(0);
        expect(await shadowCount(p, '[data-consentry-preferences]')).toBe(0);
        const stored = await storedDecision(url);
        expect(stored.status).toBe('decided');
        expect(stored.choices).toEqual({ necessary: true, functional: false, statistics: false, targeting: false });
        await p.waitForTimeout(300);
        expect(hits.map((h) => h.url)).toEqual([]);
        expect(await trackerCookies()).toEqual([]);
      });
    }

    it('follows the visitor per category: statistics only', async () => {
      const p = await context.newPage();
      const handled = await injectConsentOMatic(p, OUR_COM_RULES, { ...ALL_OFF, B: true });
      await p.goto(`${site.url}/shop.html?lang=lt`);
      await expect.poll(handled, { timeout: 15_000 }).toMatchObject({ handled: true });
      const stored = await storedDecision(`${site.url}/shop.html?lang=lt`);
      expect(stored.choices).toEqual({ necessary: true, functional: false, statistics: true, targeting: false });
      expect(stored.vendors).toEqual({ intercom: false, 'google-analytics': true, hotjar: true, 'meta-pixel': false, 'microsoft-clarity': true });
    });

    it('opt-in grants all', async () => {
      const p = await context.newPage();
      const handled = await injectConsentOMatic(p, OUR_COM_RULES, { A: true, B: true, D: true, E: true, F: true, X: true });
      await p.goto(`${site.url}/shop.html?lang=ru`);
      await expect.poll(handled, { timeout: 15_000 }).toMatchObject({ handled: true });
      const stored = await storedDecision(`${site.url}/shop.html?lang=ru`);
      expect(stored.choices).toEqual({ necessary: true, functional: true, statistics: true, targeting: true });
    });
  });
});
