// A site's own service, declared in the config like the demo's `site-language` (the functional
// site_lang cookie written by /site-lang.js), in real Chromium: named in the dialog, gated by its
// markup, recorded in the proof, and its cookie deleted on withdrawal and at start-up.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cookieNames, demoRoots, hasChromium, noChromium, launch, serveStatic, settle, stubThirdParties, type StaticServer } from './harness.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe.skipIf(!hasChromium)("the site's own services in Chromium" + noChromium, () => {
  let browser: Browser;
  let site: StaticServer;
  let context: BrowserContext;
  let page: Page;
  let posted: string[];

  beforeAll(async () => {
    browser = await launch();
    site = await serveStatic(demoRoots(ROOT));
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ locale: 'en-US' });
    posted = [];
    // Every proof record (and notice text) the demo sends, answered as the consent server would.
    await context.route(/\/v1\/(consents|notices)/, (route) => {
      const body = route.request().postData() ?? '{}';
      posted.push(body);
      const recordId = (JSON.parse(body) as { recordId?: string }).recordId ?? 'x';
      return route.fulfill({ status: 201, contentType: 'application/json', body: JSON.stringify({ recordId, seq: 1, hash: 'h', signature: 's', keyId: 'k', noticeOnFile: false }) });
    });
    await stubThirdParties(context);
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });

  const open = async (path = '/?lang=en') => {
    await page.goto(`${site.url}${path}`);
    await settle(page);
  };
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const functionalVendors = () =>
    page.evaluate(() =>
      Array.from(document.querySelector('consentry-ui')?.shadowRoot?.querySelectorAll('[data-consentry-category="functional"] [data-consentry-vendor]') ?? []).map((v) => ({
        id: v.getAttribute('data-consentry-vendor'),
        name: v.querySelector('h4')?.textContent,
        cookies: Array.from(v.querySelectorAll('li')).map((li) => li.textContent),
      })),
    );

  it('names the service and its cookie in the dialog, in the visitor language', async () => {
    await open('/?lang=lv');
    await button('Pielāgot').click();
    await expect.poll(functionalVendors).toEqual([{ id: 'site-language', name: 'Vietnes valoda', cookies: ['site_lang: 1 gads'] }]);
  });

  it('holds its script and refuses its cookie until granted; then it runs', async () => {
    await open();
    expect(await page.evaluate(() => ((document.cookie = 'site_lang=ru; path=/'), document.cookie.includes('site_lang')))).toBe(false);
    expect(await cookieNames(context)).not.toContain('site_lang');
    await button('Accept all').click();
    await expect.poll(() => cookieNames(context)).toContain('site_lang');
  });

  it('is recorded in the proof: its switch and the name it was shown under', async () => {
    await open();
    await button('Accept all').click();
    await expect.poll(() => posted.find((b) => b.includes('"choices"'))).toBeTruthy();
    const record = JSON.parse(posted.find((b) => b.includes('"choices"'))!) as { vendors: Record<string, boolean> };
    expect(record.vendors['site-language']).toBe(true);
    await expect.poll(() => posted.find((b) => b.includes('"texts"')) ?? '').toContain('"vendor.site-language.name":"Site language"');
  });

  it('is gone after withdrawal: site_lang deleted, the page no longer remembers the language', async () => {
    await open('/?lang=ru');
    await button('Принять все').click();
    await expect.poll(() => cookieNames(context)).toContain('site_lang');
    await page.evaluate(() => (window as unknown as { Consentry: { showPreferences(): void } }).Consentry.showPreferences());
    await page.getByRole('dialog').getByRole('button', { name: 'Отклонить все', exact: true }).click();
    await expect.poll(() => cookieNames(context)).not.toContain('site_lang');
    // The script that wrote it is still on the page; its next write is refused.
    await page.getByRole('link', { name: 'Latviešu' }).click();
    await settle(page);
    expect(await cookieNames(context)).not.toContain('site_lang');
  });

  it('a site_lang left from before is deleted at start-up when not granted', async () => {
    await context.addCookies([{ name: 'site_lang', value: 'ru', url: site.url }]);
    await open();
    expect(await cookieNames(context)).not.toContain('site_lang');
  });

  describe("the demo's cookie policy writes itself (cookies.html)", () => {
    /** Per vendor: the `cookie: lifetime` lines, from the dialog and from the declaration. */
    const both = () =>
      page.evaluate(() => {
        const dialog: Record<string, string[]> = {};
        for (const v of Array.from(document.querySelector('consentry-ui')!.shadowRoot!.querySelectorAll('[data-consentry-vendor]'))) {
          dialog[v.getAttribute('data-consentry-vendor')!] = Array.from(v.querySelectorAll('li')).map((li) => li.textContent!);
        }
        const declared: Record<string, string[]> = {};
        for (const row of Array.from(document.querySelectorAll('[data-consentry-declaration] tbody tr[data-vendor]'))) {
          const cells = Array.from(row.children).map((c) => c.textContent!);
          (declared[row.getAttribute('data-vendor')!] ??= []).push(`${cells[0]}: ${cells[4]}`);
        }
        return { dialog, declared };
      });

    for (const [lang, customize] of [['lv', 'Pielāgot'], ['ru', 'Настроить'], ['en', 'Customize']] as const) {
      it(`in ${lang}: every configured vendor and cookie, as the dialog lists them`, async () => {
        await open(`/cookies.html?lang=${lang}`);
        await button(customize).click();
        // The dialog's cookie lists fill in as each vendor's file arrives; the declaration redraws then.
        await expect.poll(async () => { const { dialog, declared } = await both(); return Object.keys(dialog).length > 0 && JSON.stringify(declared) === JSON.stringify(dialog); }, { timeout: 15_000 }).toBe(true);
        const { declared } = await both();
        expect(Object.keys(declared).sort()).toEqual(['google-analytics', 'hotjar', 'meta-pixel', 'site-language', 'youtube']);
        expect(await page.evaluate(() => document.querySelector('[data-consentry-declaration]')!.getAttribute('lang'))).toBe(lang);
        // The command line's static HTML (consentry declaration, built scanner) is the same table, cell for cell.
        const cli = execFileSync(process.execPath, [join(ROOT, 'packages/scanner/bin/consentry.mjs'), 'declaration', '--config', join(ROOT, 'examples/plain-html/cookies.html'), '--lang', lang], { encoding: 'utf8' });
        const cells = (root: ParentNode) => Array.from(root.querySelectorAll('table')).map((t) => [t.querySelector('caption')!.textContent, ...Array.from(t.querySelectorAll('tr')).map((r) => Array.from(r.children).map((c) => c.textContent).join(' | '))]);
        const inPage = await page.evaluate(`(${cells.toString()})(document.querySelector('[data-consentry-declaration]'))`);
        const fromCli = await page.evaluate(`(${cells.toString()})(new DOMParser().parseFromString(${JSON.stringify(cli)}, 'text/html'))`);
        expect(fromCli).toEqual(inPage);
      });
    }

    it('axe-core finds no violations in the declaration; its button opens the dialog; the state follows the decision', async () => {
      await open('/cookies.html?lang=en');
      await button('Reject all').click();
      await page.waitForSelector('[data-consentry-declaration-state="decided"]');
      expect(await page.locator('[data-consentry-declaration] li[data-category="functional"]').textContent()).toBe('Functional: Not allowed');
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string }> }> } }).axe;
        const result = await axe.run({ include: [['[data-consentry-declaration]']] }, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });
        return result.violations.map((v) => v.id);
      });
      expect(violations).toEqual([]);
      await page.locator('[data-consentry-declaration] button').click();
      await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
    });
  });
});
