// The script-tag drop-in under a strict Content-Security-Policy, in real Chromium: no `unsafe-eval`,
// no `unsafe-inline`, scripts only by nonce. Every violation the page produces is recorded (the
// `securitypolicyviolation` event, which is composed and so also reaches us from the shadow root,
// plus Chromium's console errors), and the tests require none while the SDK styles its banner,
// releases gated markup, loads a configured vendor, shows an embed and posts its proof.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hasChromium, noChromium, launch, serveStatic, settle, stubThirdParties, type RecordedRequest, type StaticServer } from './harness.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const NONCE = 'R4nd0m';

/** The policy of the brief: nonce + strict-dynamic for scripts, nonce for styles. */
const STRICT_DYNAMIC = `default-src 'self'; script-src 'nonce-${NONCE}' 'strict-dynamic'; style-src 'self' 'nonce-${NONCE}'; img-src 'self' https:; connect-src 'self' https:; frame-src https:`;
/** Without 'strict-dynamic' a script runs only if it carries the nonce: proves the SDK puts it on every script it adds. */
const NONCE_ONLY = `default-src 'self'; script-src 'nonce-${NONCE}'; style-src 'self' 'nonce-${NONCE}'; img-src 'self' https:; connect-src 'self' https:; frame-src https:`;

const INLINE_SNIPPET = 'window.__inlineGated = (window.__inlineGated || 0) + 1;';
const ORDER_SNIPPET = 'window.__afterInline = window.__externalGated === 1;';
const EXTERNAL_GATED = 'https://cdn.example-analytics.test/a.js';

interface Violation {
  directive: string;
  effective: string;
  blocked: string;
  sample: string;
}

type Win = Window & {
  __csp: Violation[];
  __inlineGated?: number;
  __externalGated?: number;
  __gtagLoaded?: number;
  __afterInline?: boolean;
};

function pageHtml(origin: string, opts: { lang?: string; nonce?: boolean } = {}): string {
  const config = {
    revision: 1,
    theme: 'light',
    ...(opts.nonce === false ? {} : { nonce: NONCE }),
    categories: { functional: {}, statistics: {}, targeting: {} },
    vendors: { 'google-analytics': { id: 'G-CSPTEST1' }, youtube: {} },
    proof: { endpoint: `${origin}/v1/consents` },
    links: { privacyPolicy: '/privacy' },
  };
  return `<!doctype html>
<html lang="${opts.lang ?? 'en'}">
<head>
  <meta charset="utf-8">
  <title>Strict CSP</title>
  <script type="application/json" id="consentry-config">${JSON.stringify(config)}</script>
  <script src="/consentry.min.js" nonce="${NONCE}"></script>
  <script type="text/plain" data-category="statistics" nonce="${NONCE}">${INLINE_SNIPPET}</script>
  <script type="text/plain" data-category="statistics" src="${EXTERNAL_GATED}" nonce="${NONCE}"></script>
  <script type="text/plain" data-category="statistics" nonce="${NONCE}">${ORDER_SNIPPET}</script>
</head>
<body>
  <h1>A page with a strict Content-Security-Policy</h1>
  <iframe class="video" data-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" data-vendor="youtube" width="560" height="315" title="Product tour"></iframe>
</body>
</html>`;
}

describe.skipIf(!hasChromium)('script-tag drop-in under a strict CSP (Chromium)' + noChromium, () => {
  let browser: Browser;
  let site: StaticServer;
  let context: BrowserContext;
  let page: Page;
  let requests: RecordedRequest[];
  let errors: string[];
  let proofs: Array<Record<string, unknown>>;

  beforeAll(async () => {
    browser = await launch();
    // The whole dist folder at the root: consentry.min.js and the lazy files it loads from beside itself.
    site = await serveStatic({ '/': join(ROOT, 'packages/browser/dist') });
    // Same origin as the page, so `connect-src 'self'` is what allows the proof to be sent.
    site.routes.set('/v1/consents', (_url, body) => {
      const record = JSON.parse(body) as Record<string, unknown>;
      proofs.push(record);
      const receipt = { recordId: record['recordId'], seq: proofs.length, hash: 'a'.repeat(64), signature: 'sig', keyId: 'ed25519-test', noticeOnFile: true };
      return [201, 'application/json', JSON.stringify(receipt)];
    });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    requests = await stubThirdParties(context);
    // Registered after the generic stubs, so it wins: the gated external script sets a flag.
    await context.route(EXTERNAL_GATED, (route) => {
      requests.push({ url: EXTERNAL_GATED, host: 'cdn.example-analytics.test', method: 'GET', type: 'script' });
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: 'window.__externalGated = (window.__externalGated || 0) + 1;' });
    });
    await context.addInitScript(() => {
      const w = window as unknown as { __csp: unknown[] };
      w.__csp = [];
      // Capture on window: violations on elements (also inside shadow roots: the event is composed),
      // on the document and on the window itself all pass through here.
      window.addEventListener(
        'securitypolicyviolation',
        (e) => w.__csp.push({ directive: e.violatedDirective, effective: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample }),
        true,
      );
    });
    page = await context.newPage();
    errors = [];
    proofs = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
  });
  afterEach(async () => {
    await context?.close();
  });

  /** Serves `html` at `path` with the policy as a real response header. */
  const open = async (policy: string, html: string, path = '/csp.html') => {
    await page.route(`${site.url}${path}`, (route) =>
      route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': policy }, body: html }),
    );
    await page.goto(`${site.url}${path}`);
    await settle(page, 300);
  };
  const violations = () => page.evaluate(() => (window as unknown as Win).__csp);
  const flags = () =>
    page.evaluate(() => {
      const w = window as unknown as Win;
      return { inline: w.__inlineGated ?? 0, external: w.__externalGated ?? 0, ordered: w.__afterInline ?? null, gtag: w.__gtagLoaded ?? 0 };
    });
  const button = (name: string) => page.getByRole('button', { name, exact: true });

  it('the policy is really enforced: an un-nonced inline script and eval are refused and reported', async () => {
    // The canary for every other test here: if the header were ignored, "zero violations" would prove nothing.
    await open(
      STRICT_DYNAMIC,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>canary</title>
      <script>window.__unnonced = true;</script>
      <script nonce="${NONCE}">try { eval('window.__evaluated = true'); } catch (e) { window.__evalRefused = e.name; }</script>
      </head><body><p style="color: red">inline style attribute</p></body></html>`,
      '/canary.html',
    );
    const state = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return { unnonced: w['__unnonced'] ?? null, evaluated: w['__evaluated'] ?? null, refused: w['__evalRefused'] ?? null };
    });
    expect(state).toEqual({ unnonced: null, evaluated: null, refused: 'EvalError' });
    const seen = await violations();
    expect(seen.map((v) => [v.effective, v.blocked]).sort()).toEqual([
      ['script-src', 'eval'],
      ['script-src-elem', 'inline'],
      ['style-src-attr', 'inline'],
    ]);
  });

  describe.each([
    ['nonce + strict-dynamic', STRICT_DYNAMIC],
    ['nonce only (every script the SDK adds must carry the nonce)', NONCE_ONLY],
  ])('%s', (_name, policy) => {
    it('renders a styled banner, releases both gated scripts in order, loads GA and the embed, posts the proof: zero violations', async () => {
      await open(policy, pageHtml(site.url));

      // Before a decision: the banner is up and styled by the nonced <style> in its shadow root; nothing ran.
      await expect.poll(() => button('Accept all').isVisible()).toBe(true);
      const look = await page.evaluate(() => {
        const shadow = document.querySelector('consentry-ui')?.shadowRoot;
        const style = shadow?.querySelector('style');
        const accept = [...(shadow?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === 'Accept all');
        const cs = accept ? getComputedStyle(accept) : null;
        return {
          styleNonce: style?.nonce ?? null,
          rules: style?.sheet?.cssRules.length ?? 0,
          background: cs?.backgroundColor ?? null,
          color: cs?.color ?? null,
        };
      });
      expect(look.styleNonce).toBe(NONCE);
      expect(look.rules).toBeGreaterThan(0);
      // --consentry-button-bg / --consentry-button-text of the light theme, not the UA's buttonface (rgb(239, 239, 239)).
      expect(look.background).toBe('rgb(29, 79, 191)');
      expect(look.color).toBe('rgb(255, 255, 255)');
      expect(await flags()).toEqual({ inline: 0, external: 0, ordered: null, gtag: 0 });
      expect(requests).toEqual([]);

      await button('Accept all').click();

      // Both gated scripts ran once, in document order (the inline one after the external one saw its flag).
      await expect.poll(flags, { timeout: 5000 }).toEqual({ inline: 1, external: 1, ordered: true, gtag: 1 });
      // The config-driven GA loader's request went out and the (stubbed) tag sent its hit.
      await expect
        .poll(() => requests.map((r) => r.url), { timeout: 5000 })
        .toEqual(
          expect.arrayContaining([
            EXTERNAL_GATED,
            'https://www.googletagmanager.com/gtag/js?id=G-CSPTEST1',
            expect.stringMatching(/^https:\/\/region1\.google-analytics\.com\/g\/collect/),
            'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
          ]),
        );
      // The embed is loaded (frame-src https:) and the proof reached the same-origin endpoint (connect-src 'self').
      expect(await page.locator('iframe.video').getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
      await expect.poll(() => proofs.length, { timeout: 5000 }).toBe(1);
      expect(proofs[0]).toMatchObject({ method: 'accept-all', choices: { statistics: true } });
      await expect.poll(() => page.evaluate(() => (window as unknown as { Consentry: { getReceipts(): unknown[] } }).Consentry.getReceipts().length)).toBe(1);

      // Every script the SDK added carries the nonce.
      const nonces = await page.evaluate(() =>
        [...document.querySelectorAll('script')]
          .filter((s) => s.getAttribute('data-consentry') === 'released' || s.src.includes('googletagmanager.com'))
          .map((s) => [s.src || 'inline', s.nonce]),
      );
      expect(nonces).toEqual(
        expect.arrayContaining([
          [EXTERNAL_GATED, NONCE],
          ['inline', NONCE],
          ['https://www.googletagmanager.com/gtag/js?id=G-CSPTEST1', NONCE],
        ]),
      );
      expect(nonces.every(([, n]) => n === NONCE)).toBe(true);
      // …and so does every other executable script in the page: the lazy files Consentry fetched
      // from beside itself (vendor definitions, the proof client) included.
      const unnonced = await page.evaluate(
        (nonce) =>
          [...document.querySelectorAll('script')]
            .filter((s) => !['text/plain', 'application/json'].includes(s.type))
            .filter((s) => s.nonce !== nonce)
            .map((s) => s.src || s.text.slice(0, 60)),
        NONCE,
      );
      expect(unnonced).toEqual([]);
      const lazy = await page.evaluate(() => [...document.querySelectorAll('script')].map((s) => s.src).filter((src) => /\/(vendors|chunks|i18n)\//.test(src)));
      expect(lazy.length).toBeGreaterThan(0);

      // The proof: not one violation — so no eval/new Function (no 'unsafe-eval'), no inline handler,
      // no un-nonced style or script anywhere, shadow root included.
      const seen = await violations();
      expect(seen.filter((v) => v.directive.includes('script-src'))).toEqual([]);
      expect(seen).toEqual([]);
      expect(errors).toEqual([]);
    });

    it('the preferences dialog, a custom choice and a withdrawal stay within the policy', async () => {
      await open(policy, pageHtml(site.url));
      await button('Customize').click();
      await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
      await page.getByRole('switch', { name: /Statistics/ }).first().click();
      await button('Save preferences').click();
      await expect.poll(flags, { timeout: 5000 }).toEqual({ inline: 1, external: 1, ordered: true, gtag: 1 });
      // The embed needs targeting: still held, its placeholder (styled through CSSOM) in its place.
      expect(await page.locator('iframe.video').getAttribute('src')).toBeNull();
      await expect.poll(() => button('Load content').isVisible()).toBe(true);
      // Reopen and withdraw statistics.
      await page.evaluate(() => (window as unknown as { Consentry: { showPreferences(): void } }).Consentry.showPreferences());
      await page.getByRole('switch', { name: /Statistics/ }).first().click();
      await button('Save preferences').click();
      await expect.poll(() => proofs.map((p) => p['method']), { timeout: 5000 }).toEqual(['custom', 'withdraw']);
      await expect.poll(() => page.getByRole('button', { name: 'Cookie settings' }).isVisible()).toBe(true);
      expect(await violations()).toEqual([]);
      expect(errors).toEqual([]);
    });
  });

  it('a language file is loaded with the nonce (no strict-dynamic): Latvian banner, zero violations', async () => {
    await open(NONCE_ONLY, pageHtml(site.url, { lang: 'lv' }));
    const langScript = await page.evaluate(() => {
      const s = [...document.querySelectorAll('script')].find((x) => x.src.endsWith('/i18n/lv.js'));
      return s ? s.nonce : null;
    });
    expect(langScript).toBe(NONCE);
    await expect.poll(() => page.evaluate(() => document.querySelector('consentry-ui')?.getAttribute('lang') ?? null)).toBe('lv');
    const labels = await page.evaluate(() => [...(document.querySelector('consentry-ui')?.shadowRoot?.querySelectorAll('button') ?? [])].map((b) => b.textContent?.trim()));
    expect(labels).toEqual(expect.arrayContaining(['Pieņemt visas', 'Noraidīt visas']));
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('without a nonce, a hash allow-list works too: script-src by host and sha256, style-src by the style hash', async () => {
    // For static hosting that cannot mint a nonce per response. First learn the SDK's style text
    // (it is fixed per release; Chromium's console prints the same hash when it refuses the style).
    await open(STRICT_DYNAMIC, pageHtml(site.url));
    const css = await page.evaluate(() => document.querySelector('consentry-ui')?.shadowRoot?.querySelector('style')?.textContent ?? '');
    expect(css.length).toBeGreaterThan(100);
    const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
    const policy = [
      "default-src 'self'",
      // Every host a released script or a configured vendor's loader uses (YouTube's loader adds the IFrame Player API).
      `script-src 'self' https://www.googletagmanager.com https://www.youtube.com https://cdn.example-analytics.test ${sha(INLINE_SNIPPET)} ${sha(ORDER_SNIPPET)}`,
      `style-src 'self' ${sha(css)}`,
      "img-src 'self' https:",
      "connect-src 'self' https:",
      'frame-src https:',
    ].join('; ');
    await context.clearCookies();
    await page.evaluate(() => localStorage.clear());
    await open(policy, pageHtml(site.url, { nonce: false }), '/csp-hash.html');
    await expect.poll(() => button('Accept all').isVisible()).toBe(true);
    const background = await page.evaluate(() => {
      const shadow = document.querySelector('consentry-ui')?.shadowRoot;
      const accept = [...(shadow?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === 'Accept all');
      return accept ? getComputedStyle(accept).backgroundColor : null;
    });
    expect(background).toBe('rgb(29, 79, 191)');
    await button('Accept all').click();
    await expect.poll(flags, { timeout: 5000 }).toEqual({ inline: 1, external: 1, ordered: true, gtag: 1 });
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });
});
