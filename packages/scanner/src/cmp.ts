// Finds the consent banner's Accept all / Reject all controls on a page (every frame, open shadow
// roots included), says which CMP it is, compares the two buttons' prominence, and clicks one.
import type { Frame, Page } from 'playwright-core';
import { ACCEPT_NAME, CMP_GLOBALS, KNOWN_CMPS, REJECT_NAME, type KnownCmp } from './cmp-markup.js';
import type { ControlInfo, Prominence } from './types.js';

export interface BannerFound {
  cmp: string | null;
  accept: ControlInfo | null;
  reject: ControlInfo | null;
  prominence: Prominence | null;
}

interface Args {
  known: KnownCmp[];
  globals: Array<[string, string]>;
  accept: string;
  reject: string;
}

/** Runs inside the page: must not reference anything outside itself. */
function inPage(args: Args): BannerFound {
  const MARK = 'data-consentry-scan';
  const deep: Element[] = [];
  const walk = (root: Document | ShadowRoot): void => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      deep.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  const shown = (el: Element): boolean => {
    const r = el.getBoundingClientRect();
    const check = (el as Element & { checkVisibility?: (o: object) => boolean }).checkVisibility;
    return r.width > 0 && r.height > 0 && (!check || check.call(el, { checkOpacity: true, checkVisibilityCSS: true }));
  };
  const norm = (t: string): string =>
    t.toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, ' ').replace(/[\s.!✓✔×✕]+$/u, '').trim();
  const nameOf = (el: Element): string =>
    norm(el.getAttribute('aria-label') || (el as HTMLElement).innerText || el.textContent || (el as HTMLInputElement).value || '');
  const info = (el: Element, by: ControlInfo['by'], selector: string | null): ControlInfo => ({
    by,
    selector,
    text: nameOf(el).slice(0, 80),
    tag: el.tagName.toLowerCase(),
  });
  for (const el of deep) el.removeAttribute(MARK);

  let cmp: string | null = null;
  let accept: Element | null = null;
  let reject: Element | null = null;
  let by: ControlInfo['by'] = 'markup';
  let acceptSel: string | null = null;
  let rejectSel: string | null = null;
  for (const k of args.known) {
    const root = document.querySelector(k.root) ?? deep.find((e) => e.matches(k.root)) ?? null;
    if (!root) continue;
    cmp = k.name;
    const scope: ParentNode = k.shadow ? (root.shadowRoot ?? root) : document;
    const pick = (sel: string) => Array.from(scope.querySelectorAll(sel)).find(shown) ?? null;
    accept = pick(k.accept);
    reject = pick(k.reject);
    acceptSel = k.accept;
    rejectSel = k.reject;
    if (accept || reject) break;
  }
  if (!accept && !reject) {
    by = 'accessible-name';
    acceptSel = rejectSel = null;
    const a = new RegExp(args.accept, 'u');
    const r = new RegExp(args.reject, 'u');
    const controls = deep.filter(
      (e) => e.matches('button, [role="button"], a, input[type="button"], input[type="submit"]') && shown(e),
    );
    accept = controls.find((e) => a.test(nameOf(e))) ?? null;
    reject = controls.find((e) => r.test(nameOf(e))) ?? null;
    if (accept || reject) {
      const w = window as unknown as Record<string, unknown>;
      cmp = cmp ?? args.globals.find(([g]) => w[g] !== undefined)?.[1] ?? 'unknown';
    }
  }
  accept?.setAttribute(MARK, 'accept');
  reject?.setAttribute(MARK, 'reject');

  let prominence: Prominence | null = null;
  if (accept && reject) {
    const differences: string[] = [];
    const sa = getComputedStyle(accept);
    const sr = getComputedStyle(reject);
    const ra = accept.getBoundingClientRect();
    const rr = reject.getBoundingClientRect();
    const alpha = (c: string) => (c === 'transparent' ? 0 : /rgba\([^)]*,\s*([\d.]+)\)/.exec(c) ? Number(/rgba\([^)]*,\s*([\d.]+)\)/.exec(c)![1]) : 1);
    if (accept.tagName !== reject.tagName) differences.push(`Accept is a <${accept.tagName.toLowerCase()}>, Reject a <${reject.tagName.toLowerCase()}>`);
    if (parseFloat(sr.fontSize) < 0.9 * parseFloat(sa.fontSize)) differences.push(`Reject text is smaller (${sr.fontSize} vs ${sa.fontSize})`);
    if (Number(sr.fontWeight) + 100 < Number(sa.fontWeight)) differences.push(`Reject text is lighter (weight ${sr.fontWeight} vs ${sa.fontWeight})`);
    if (rr.width * rr.height < 0.75 * ra.width * ra.height) differences.push(`Reject is smaller (${Math.round(rr.width)}×${Math.round(rr.height)} vs ${Math.round(ra.width)}×${Math.round(ra.height)} px)`);
    if (alpha(sa.backgroundColor) > 0.5 && alpha(sr.backgroundColor) <= 0.5 && parseFloat(sr.borderTopWidth) === 0) {
      differences.push('Accept is a filled button, Reject is not');
    } else if (sa.backgroundColor !== sr.backgroundColor || sa.color !== sr.color) {
      differences.push(`different colours (Accept ${sa.color} on ${sa.backgroundColor}, Reject ${sr.color} on ${sr.backgroundColor})`);
    }
    prominence = { equal: differences.length === 0, differences };
  }
  return {
    cmp,
    accept: accept ? info(accept, by, acceptSel) : null,
    reject: reject ? info(reject, by, rejectSel) : null,
    prominence,
  };
}

const ARGS: Args = { known: KNOWN_CMPS, globals: CMP_GLOBALS, accept: ACCEPT_NAME, reject: REJECT_NAME };

export interface BannerOnPage extends BannerFound {
  frame: Frame | null;
}

/** Looks for the banner until `timeoutMs`, in every frame; the first frame with a control wins. */
export async function findBanner(page: Page, timeoutMs: number): Promise<BannerOnPage> {
  const deadline = Date.now() + timeoutMs;
  let last: BannerOnPage = { cmp: null, accept: null, reject: null, prominence: null, frame: null };
  for (;;) {
    for (const frame of page.frames()) {
      const found = await frame.evaluate(inPage, ARGS).catch(() => null);
      if (!found) continue;
      if (found.accept || found.reject) return { ...found, frame };
      if (found.cmp && !last.cmp) last = { ...found, frame };
    }
    if (Date.now() >= deadline) return last;
    await page.waitForTimeout(200);
  }
}

/** Clicks the marked control like a person would; falls back to a DOM click when an overlay intercepts. */
export async function clickControl(frame: Frame, which: 'accept' | 'reject'): Promise<boolean> {
  const control = frame.locator(`[data-consentry-scan="${which}"]`).first();
  try {
    await control.click({ timeout: 3000 });
    return true;
  } catch {
    try {
      await control.dispatchEvent('click', undefined, { timeout: 1000 });
      return true;
    } catch {
      return false;
    }
  }
}
