// Embeds in real Chromium: an embed vendor's page script is requested only on a page that has one of
// its embeds (counted by interception), and the placeholder's button wears the banner's design tokens.
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoRoots, hasChromium, noChromium, launch, serveStatic, stubThirdParties, type RecordedRequest, type StaticServer } from './harness.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const IFRAME_API = 'https://www.youtube.com/iframe_api';

describe.skipIf(!hasChromium)('embed vendors in Chromium' + noChromium, () => {
  let browser: Browser;
  let site: StaticServer;
  let context: BrowserContext;
  let page: Page;
  let requests: RecordedRequest[];

  beforeAll(async () => {
    browser = await launch();
    site = await serveStatic(demoRoots(ROOT));
    site.routes.set('/v1/consents', () => [201, 'application/json', '{}']);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.route('http://127.0.0.1:8787/**', (route) => route.fulfill({ status: 201, contentType: 'application/json', body: '{}' }));
    requests = await stubThirdParties(context);
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });

  const acceptAll = async (path: string) => {
    await page.goto(`${site.url}${path}`);
    await page.getByRole('button', { name: 'Accept all', exact: true }).click();
    // Every granted vendor's script has had time to be requested.
    await expect.poll(() => requests.some((r) => r.host === 'www.googletagmanager.com'), { timeout: 5000 }).toBe(true);
    await page.waitForTimeout(300);
  };

  it('the home page (no video) never requests the YouTube IFrame API, even after Accept all', async () => {
    await acceptAll('/');
    expect(requests.map((r) => r.url)).not.toContain(IFRAME_API);
    expect(requests.filter((r) => /youtube/.test(r.host))).toEqual([]);
  });

  it('the blog page (a youtube-nocookie.com video) plays it but asks nothing of youtube.com, after Accept all', async () => {
    await acceptAll('/blog.html');
    await expect.poll(() => requests.some((r) => r.host === 'www.youtube-nocookie.com')).toBe(true);
    expect(requests.filter((r) => r.host === 'www.youtube.com')).toEqual([]);
  });

  it('a page that scripts its players (onYouTubeIframeAPIReady) gets the IFrame API once, after Accept all', async () => {
    await page.addInitScript(() => ((window as unknown as { onYouTubeIframeAPIReady: () => void }).onYouTubeIframeAPIReady = () => {}));
    await acceptAll('/blog.html');
    await expect.poll(() => requests.filter((r) => r.url === IFRAME_API).length).toBe(1);
  });

  it('the placeholder button takes the banner\'s button colours, radius and weight, and the site\'s brand', async () => {
    await page.goto(`${site.url}/blog.html`);
    const style = () =>
      page.evaluate(() => {
        const pick = (el: Element) => {
          const s = getComputedStyle(el);
          return { bg: s.backgroundColor, color: s.color, radius: s.borderTopLeftRadius, weight: s.fontWeight, border: s.borderTopColor };
        };
        const accept = document.querySelector('consentry-ui')!.shadowRoot!.querySelector('.b .a .btn')!;
        return { placeholder: pick(document.querySelector('.consentry-placeholder__button')!), banner: pick(accept) };
      });
    await expect.poll(() => page.locator('.consentry-placeholder__button').count()).toBe(1);
    await expect.poll(() => page.evaluate(() => !!document.querySelector('consentry-ui')?.shadowRoot?.querySelector('.b .btn'))).toBe(true);
    const light = await style();
    expect(light.placeholder).toEqual(light.banner);
    await page.addStyleTag({ content: ':root{--consentry-button-bg:#005a32;--consentry-button-text:#fff;--consentry-radius:0}' });
    const branded = await style();
    expect(branded.placeholder.bg).toBe('rgb(0, 90, 50)');
    expect(branded.placeholder).toEqual(branded.banner);
  });
});
