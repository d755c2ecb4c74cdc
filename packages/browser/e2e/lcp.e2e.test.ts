// The banner is never the page's largest contentful paint (issue 18): a consent notice that becomes
// the LCP element makes every page that carries it look slower to Lighthouse and to CrUX, and says
// nothing about when the page's own content showed. Checked on the small demo page, where the
// banner's text is large beside the page's own, at a desktop and two phone sizes.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRoots, hasChromium, launch, noChromium, serveStatic, stubThirdParties, type StaticServer } from './harness.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

interface Candidate {
  time: number;
  size: number;
  /** `null` when the element is in a shadow tree (not exposed to the page) or gone. */
  element: string | null;
  inBanner: boolean;
}

/** Runs before the page's scripts: every LCP candidate, with where its element sits. */
function recordLcp() {
  const list: unknown[] = ((window as unknown as { __lcp: unknown[] }).__lcp = []);
  new PerformanceObserver((entries) => {
    for (const e of entries.getEntries() as Array<PerformanceEntry & { size: number; element: Element | null }>) {
      const el = e.element;
      list.push({
        time: e.startTime,
        size: e.size,
        element: el ? `${el.nodeName.toLowerCase()}${el.id ? `#${el.id}` : ''}` : null,
        inBanner: !!el && (el.closest('consentry-ui') !== null || (el.getRootNode() as ShadowRoot).host?.localName === 'consentry-ui'),
      });
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
}

describe.skipIf(!hasChromium)('the banner and the largest contentful paint' + noChromium, () => {
  let browser: Browser;
  let site: StaticServer;

  beforeAll(async () => {
    browser = await launch();
    site = await serveStatic(demoRoots(ROOT));
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  for (const [width, height] of [
    [1280, 800],
    [375, 740],
    [320, 693],
  ] as const) {
    it(`at ${width} × ${height} the LCP element is the page's own, never inside consentry-ui`, async () => {
      const context = await browser.newContext({ viewport: { width, height }, locale: 'en-US' });
      try {
        await stubThirdParties(context);
        const page = await context.newPage();
        await page.addInitScript(recordLcp);
        await page.goto(`${site.url}/index.html?lang=en`);
        await page.waitForFunction(() => !!document.querySelector('consentry-ui')?.shadowRoot?.querySelector('.b button'));
        // The banner is in the DOM; wait until a frame with it has been painted and presented (LCP
        // entries are queued after presentation), then for the vendor files that add its text.
        await page.waitForLoadState('load');
        const painted = await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              let frames = 0;
              const next = () => (++frames < 5 ? requestAnimationFrame(next) : setTimeout(() => resolve(performance.now()), 50));
              requestAnimationFrame(next);
            }),
        );
        const visible = await page.evaluate(() => document.querySelector('consentry-ui')!.shadowRoot!.querySelector('.b')!.checkVisibility());
        expect(visible, 'the banner showed').toBe(true);
        const candidates = await page.evaluate(() => (window as unknown as { __lcp: Candidate[] }).__lcp);
        const detail = JSON.stringify(candidates);
        expect(candidates.length, detail).toBeGreaterThan(0);
        for (const c of candidates) {
          expect(c.time, detail).toBeLessThan(painted);
          // A candidate in the banner's shadow tree is reported with no element (not exposed).
          expect(c.element, `an LCP candidate with no page element: the banner (${detail})`).not.toBeNull();
          expect(c.inBanner, detail).toBe(false);
        }
      } finally {
        await context.close();
      }
    });
  }
});
