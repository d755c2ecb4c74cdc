import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { hasChromium, launch, noChromium, serveStatic, stubThirdParties, type StaticServer } from './harness.js';
import { startRefusingProxy, type RefusingProxy } from './refusing-proxy.js';

// The proxy is the tests' second counter: it must see what interception cannot (a redirect's target).
describe.skipIf(!hasChromium)(`refusing proxy${noChromium}`, () => {
  let browser: Browser;
  let proxy: RefusingProxy;
  let site: StaticServer;
  beforeAll(async () => {
    proxy = await startRefusingProxy();
    browser = await launch(proxy.args());
    site = await serveStatic({});
    site.routes.set('/', () => [200, 'text/html', '<!doctype html><title>t</title>']);
  });
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await site?.close();
  });

  it('sees what reaches the network, beside interception', async () => {
    const context = await browser.newContext();
    const intercepted = await stubThirdParties(context);
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    await page.evaluate(() => fetch('http://tracker.example/direct', { mode: 'no-cors' }).catch(() => {}));
    await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
    expect(intercepted.map((r) => r.host)).toContain('tracker.example');
    await context.close();
    // Without interception the request reaches the network, and so the proxy.
    const bare = await browser.newContext();
    const p2 = await bare.newPage();
    await p2.goto(`${site.url}/`);
    await p2.evaluate(() => fetch('http://tracker.example/direct', { mode: 'no-cors' }).catch(() => {}));
    await expect.poll(() => proxy.hits('tracker.example').length).toBeGreaterThan(0);
    await bare.close();
  });
});
