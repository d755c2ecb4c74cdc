// The banner and the preferences dialog as a visitor sees them, measured in real Chromium in every
// shipped language: how much of a phone the first layer takes, that nothing overlaps or is cut off,
// that "Accept all" and "Reject all" are the same size and weight, and that the dialog's decisions
// stay in view while its details fold.
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRoots, hasChromium, noChromium, launch, serveStatic, stubThirdParties, type StaticServer } from './harness.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const LANGUAGES = ['en', 'lv', 'ru', 'et', 'lt', 'de', 'fr', 'es', 'pl'];
// 320 × 693 is a phone at 320 CSS px (iPhone mini with Display Zoom); 375 × 740 a common phone.
// drop-in.e2e.test.ts covers reflow at 320 × 640 and 200 % zoom.
const VIEWPORTS = [
  [320, 693],
  [375, 740],
  [1280, 800],
] as const;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
interface BannerMeasure {
  banner: Box;
  scrolls: boolean;
  parts: Array<{ what: string; box: Box; boxes: Box[]; clipped: boolean }>;
  accept: { box: Box; weight: string; size: string; bg: string; lines: number };
  reject: { box: Box; weight: string; size: string; bg: string; lines: number };
  customize: { box: Box; size: string };
  /** The policy links; `wrapped`: first on a line of its own. */
  links: Array<{ text: string; x: number; wrapped: boolean }>;
  /** Where the banner's text starts on each line. */
  textLeft: number;
}

/** Boxes of every visible piece of the first layer, read from the open shadow root. */
function measureBanner(): BannerMeasure {
  const root = document.querySelector('consentry-ui')!.shadowRoot!;
  const rect = (el: Element): Box => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, w: r.width, h: r.height };
  };
  const banner = root.querySelector('.b') as HTMLElement;
  const buttons = Array.from(banner.querySelectorAll('.a button')) as HTMLElement[];
  const [accept, reject, customize] = buttons as [HTMLElement, HTMLElement, HTMLElement];
  const pieces: Array<[string, Element]> = [
    ['title', banner.querySelector('h2')!],
    ['description', banner.querySelector('#c-bd')!],
    ...Array.from(banner.querySelectorAll('.p li, #c-bp')).map((el) => ['purpose ' + el.textContent, el] as [string, Element]),
    ...Array.from(banner.querySelectorAll('.l a')).map((el) => ['link ' + el.textContent, el] as [string, Element]),
    ...buttons.map((el) => ['button ' + el.textContent, el] as [string, Element]),
  ];
  const lineCount = (el: HTMLElement) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
  };
  const style = (el: HTMLElement) => getComputedStyle(el);
  const describe = (el: HTMLElement) => ({
    box: rect(el),
    weight: style(el).fontWeight,
    size: style(el).fontSize,
    bg: style(el).backgroundColor,
    lines: lineCount(el),
  });
  return {
    banner: rect(banner),
    scrolls: banner.scrollHeight > banner.clientHeight + 1,
    parts: pieces.map(([what, el]) => ({
      what,
      box: rect(el),
      // an inline piece that wraps has one box per line; its bounding box would overlap its neighbours
      boxes: Array.from(el.getClientRects()).map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })),
      clipped: (el as HTMLElement).scrollWidth > (el as HTMLElement).clientWidth + 1,
    })),
    accept: describe(accept),
    reject: describe(reject),
    customize: { box: rect(customize), size: style(customize).fontSize },
    links: (() => {
      // The links run on after the purposes (one paragraph on a phone).
      let prev: DOMRect | null = Array.from(banner.querySelector('.p')?.getClientRects() ?? []).at(-1) ?? null;
      return Array.from(banner.querySelectorAll('.l a')).map((a) => {
        const r = a.getBoundingClientRect();
        const wrapped = !!prev && r.y > prev.y + 2 && r.x < prev.x + prev.width;
        prev = r;
        return { text: a.textContent ?? '', x: r.x, wrapped };
      });
    })(),
    textLeft: (() => {
      const t = banner.querySelector('.t') as HTMLElement;
      return t.getBoundingClientRect().x + parseFloat(getComputedStyle(t).paddingLeft);
    })(),
  };
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
const inside = (a: Box, outer: Box) => a.x >= outer.x - 0.5 && a.y >= outer.y - 0.5 && a.x + a.w <= outer.x + outer.w + 0.5 && a.y + a.h <= outer.y + outer.h + 0.5;

describe.skipIf(!hasChromium)('banner and dialog layout in Chromium' + noChromium, () => {
  let browser: Browser;
  let site: StaticServer;
  let context: BrowserContext;

  beforeAll(async () => {
    browser = await launch();
    site = await serveStatic(demoRoots(ROOT));
    context = await browser.newContext();
    await stubThirdParties(context);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await site?.close();
  });

  async function open(lang: string, width: number, height: number, query = ''): Promise<Page> {
    const page = await context.newPage();
    await page.setViewportSize({ width, height });
    await page.goto(`${site.url}/e2e/layout.html?lang=${lang}${query}`);
    await page.waitForFunction(() => !!document.querySelector('consentry-ui')?.shadowRoot?.querySelector('.b button'));
    // The vendor files (names, purposes) arrive after the first paint.
    await page.waitForTimeout(100);
    return page;
  }

  for (const lang of LANGUAGES) {
    for (const [width, height] of VIEWPORTS) {
      it(`${lang} at ${width} × ${height}: the first layer fits, nothing overlaps, Accept and Reject are equal`, async () => {
        const page = await open(lang, width, height);
        expect(await page.evaluate(() => document.querySelector('consentry-ui')?.getAttribute('lang'))).toBe(lang);
        const m = await page.evaluate(measureBanner);
        await page.close();
        const viewport = { x: 0, y: 0, w: width, h: height };
        expect(inside(m.banner, viewport), 'banner inside the viewport').toBe(true);
        if (width < 768) expect(m.banner.h, 'banner height on a phone').toBeLessThanOrEqual(height * 0.45);
        // Nothing hidden behind a scroll, nothing cut off, no two pieces on top of each other.
        expect(m.scrolls, 'banner content scrolls').toBe(false);
        for (const part of m.parts) {
          expect(inside(part.box, m.banner), `${part.what} inside the banner`).toBe(true);
          expect(part.clipped, `${part.what} is cut off`).toBe(false);
        }
        for (let i = 0; i < m.parts.length; i++) {
          for (let j = i + 1; j < m.parts.length; j++) {
            const [a, b] = [m.parts[i]!, m.parts[j]!];
            // a purpose list item sits inside its list's line; only siblings of different kinds matter
            if (a.what.startsWith('purpose') && b.what.startsWith('purpose')) continue;
            const hit = a.boxes.some((x) => b.boxes.some((y) => overlaps(x, y)));
            expect(hit, `${a.what} overlaps ${b.what}`).toBe(false);
          }
        }
        // Accept all and Reject all: same box, same type, same colour, same weight.
        expect(Math.abs(m.accept.box.w - m.reject.box.w)).toBeLessThan(1);
        expect(Math.abs(m.accept.box.h - m.reject.box.h)).toBeLessThan(1);
        expect(m.accept.weight).toBe(m.reject.weight);
        expect(m.accept.size).toBe(m.reject.size);
        expect(m.accept.bg).toBe(m.reject.bg);
        // A long label may wrap, but both buttons keep one box (the row stretches them alike).
        expect(Math.max(m.accept.lines, m.reject.lines)).toBeLessThanOrEqual(2);
        // Customize may be secondary (a text button on a phone) but stays a 44 px target, as legible.
        expect(m.customize.box.h).toBeGreaterThanOrEqual(44);
        // A policy link that wraps starts flush with the text, not indented (lv, ru at 375 px).
        for (const link of m.links) expect(link.wrapped ? Math.abs(link.x - m.textLeft) : 0, `${link.text} indented`).toBeLessThan(1);
        expect(m.customize.size).toBe(m.accept.size);
      });
    }
  }

  for (const lang of LANGUAGES) {
    for (const [width, height] of [
      [375, 740],
      [1280, 800],
    ] as const) {
      it(`${lang} at ${width} × ${height}: the dialog fits and its decisions stay in view; details fold`, async () => {
        const page = await open(lang, width, height);
        await page.evaluate(() => (document.querySelector('consentry-ui')!.shadowRoot!.querySelector('.b .a button:last-child') as HTMLElement).click());
        await page.waitForFunction(() => !!document.querySelector('consentry-ui')?.shadowRoot?.querySelector('dialog.d[open]'));
        const measure = () =>
          page.evaluate(() => {
            const root = document.querySelector('consentry-ui')!.shadowRoot!;
            const dialog = root.querySelector('dialog.d') as HTMLElement;
            const r = dialog.getBoundingClientRect();
            const buttons = Array.from(dialog.querySelectorAll('.f button')) as HTMLElement[];
            // A decision is really in view when a click at its centre reaches it.
            const reachable = buttons.map((b) => {
              const br = b.getBoundingClientRect();
              const hit = root.elementFromPoint(br.x + br.width / 2, br.y + br.height / 2);
              return { text: b.textContent, hit: hit === b || b.contains(hit), bottom: br.bottom, top: br.top };
            });
            const switches = Array.from(dialog.querySelectorAll('.c > .h [role=switch]')).length;
            const cookieLists = Array.from(dialog.querySelectorAll('.k')) as HTMLElement[];
            return {
              dialog: { top: r.top, bottom: r.bottom, left: r.left, right: r.right },
              reachable,
              switches,
              cookiesShown: cookieLists.filter((k) => k.checkVisibility()).length,
              cookieLists: cookieLists.length,
              texts: Array.from(dialog.querySelectorAll('.v p')).map((p) => p.textContent ?? ''),
            };
          });
        const m = await measure();
        expect(m.dialog.top).toBeGreaterThanOrEqual(0);
        expect(m.dialog.bottom).toBeLessThanOrEqual(height);
        expect(m.dialog.left).toBeGreaterThanOrEqual(0);
        expect(m.dialog.right).toBeLessThanOrEqual(width);
        expect(m.reachable.map((b) => b.text)).toHaveLength(3);
        for (const b of m.reachable) expect(b.hit, `${b.text} reachable without scrolling`).toBe(true);
        expect(m.switches, 'one switch per category').toBe(4);
        // The cookie tables are folded until asked for; one opens on demand.
        expect(m.cookieLists).toBeGreaterThan(0);
        expect(m.cookiesShown).toBe(0);
        await page.evaluate(() => {
          const root = document.querySelector('consentry-ui')!.shadowRoot!;
          const dialog = root.querySelector('dialog.d')!;
          for (const s of Array.from(dialog.querySelectorAll('details.m > summary'))) (s as HTMLElement).click();
          (dialog.querySelector('details.kd > summary') as HTMLElement).click();
        });
        const opened = await measure();
        expect(opened.cookiesShown).toBe(1);
        // Scrolled to the end of the details, the decisions are still where they were.
        await page.evaluate(() => {
          const s = document.querySelector('consentry-ui')!.shadowRoot!.querySelector('dialog.d .s') as HTMLElement;
          s.scrollTop = s.scrollHeight;
        });
        const scrolled = await measure();
        for (const b of scrolled.reachable) expect(b.hit, `${b.text} reachable after scrolling`).toBe(true);
        await page.close();
      });
    }
  }

  describe('the demo site switches language like a multilingual Baltic site, and the banner follows', () => {
    const banner = (page: Page) =>
      page.evaluate(() => {
        const host = document.querySelector('consentry-ui');
        const buttons = Array.from(host?.shadowRoot?.querySelectorAll('.b .a button') ?? []).map((b) => b.textContent);
        return { page: document.documentElement.lang, ui: host?.getAttribute('lang'), buttons, h1: document.querySelector('h1')?.textContent };
      });

    it('at 375 px the reopen button stays off a YouTube embed (its play control sits in that corner), and comes back past it', async () => {
      const fresh = await browser.newContext({ locale: 'en-US', viewport: { width: 375, height: 740 } });
      await stubThirdParties(fresh);
      const page = await fresh.newPage();
      await page.goto(`${site.url}/blog.html`);
      await page.getByRole('button', { name: 'Accept all', exact: true }).click();
      await page.waitForFunction(() => !!document.querySelector('consentry-ui')?.shadowRoot?.querySelector('[data-consentry-action="reopen"]'));
      const covered = () =>
        page.evaluate(() => {
          const button = document.querySelector('consentry-ui')!.shadowRoot!.querySelector<HTMLElement>('[data-consentry-action="reopen"]')!;
          const b = button.getBoundingClientRect();
          const e = document.querySelector('.video, [data-consentry-placeholder]')!.getBoundingClientRect();
          const visible = getComputedStyle(button).visibility !== 'hidden';
          return visible && b.left < e.right && e.left < b.right && b.top < e.bottom && e.top < b.bottom;
        });
      // The embed's bottom edge (the player's controls) at the bottom of the screen, where the button sits.
      await page.evaluate(() => document.querySelector('.video, [data-consentry-placeholder]')!.scrollIntoView({ block: 'end' }));
      await expect.poll(covered, { timeout: 5_000 }).toBe(false);
      // Scrolled on past it (at 375 px the video also fills the first screen's bottom corners).
      await page.evaluate(() => window.scrollBy(0, document.querySelector('.video, [data-consentry-placeholder]')!.getBoundingClientRect().bottom + 8));
      await expect
        .poll(() => page.evaluate(() => getComputedStyle(document.querySelector('consentry-ui')!.shadowRoot!.querySelector('[data-consentry-action="reopen"]')!).visibility), { timeout: 5_000 })
        .toBe('visible');
      await fresh.close();
    });

    it('opens in the language of the address and switches with the language links', async () => {
      const page = await context.newPage();
      await page.goto(`${site.url}/?lang=lv`);
      await page.waitForFunction(() => !!document.querySelector('consentry-ui')?.shadowRoot?.querySelector('.b button'));
      expect(await banner(page)).toEqual({ page: 'lv', ui: 'lv', buttons: ['Pieņemt visas', 'Noraidīt visas', 'Pielāgot'], h1: 'Beramā tēja no Rīgas' });
      await page.getByRole('link', { name: 'Русский' }).click();
      await page.waitForFunction(() => document.querySelector('consentry-ui')?.getAttribute('lang') === 'ru');
      expect(await banner(page)).toEqual({ page: 'ru', ui: 'ru', buttons: ['Принять все', 'Отклонить все', 'Настроить'], h1: 'Развесной чай из Риги' });
      // internal links carry the language on
      expect(await page.getByRole('link', { name: 'Цены' }).getAttribute('href')).toBe('/pricing.html?lang=ru');
      await page.getByRole('link', { name: 'English' }).click();
      await page.waitForFunction(() => document.querySelector('consentry-ui')?.getAttribute('lang') === 'en');
      expect((await banner(page)).buttons).toEqual(['Accept all', 'Reject all', 'Customize']);
      await page.close();
    });

    it('remembers the choice only with functional consent (the site_lang cookie)', async () => {
      const fresh = await browser.newContext({ locale: 'en-US' });
      await stubThirdParties(fresh);
      const page = await fresh.newPage();
      await page.goto(`${site.url}/?lang=ru`);
      await page.getByRole('button', { name: 'Отклонить все', exact: true }).click();
      await page.goto(`${site.url}/`);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect((await fresh.cookies()).map((c) => c.name)).not.toContain('site_lang');
      await page.evaluate(() => (window as unknown as { Consentry: { acceptAll(): void } }).Consentry.acceptAll());
      await page.getByRole('link', { name: 'Русский' }).click();
      await page.waitForLoadState('load');
      await page.goto(`${site.url}/pricing.html`);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
      await fresh.close();
    });
  });
});
