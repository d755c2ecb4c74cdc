// Runs a Consent-O-Matic rule list in a page. Consent-O-Matic is a browser extension that is not
// published to npm, so by default this uses `runRules` below: our own small interpreter of the rule
// semantics its README documents (detectors, the method order, and the actions, matchers and DOM
// selection our rule uses). With CONSENT_O_MATIC_DIR pointing at the `Extension/` folder of a
// Consent-O-Matic checkout, the real ConsentEngine runs instead (bundled here with esbuild).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export type ConsentTypes = Record<'A' | 'B' | 'D' | 'E' | 'F' | 'X', boolean>;
export interface Handled {
  handled: boolean;
  cmpName?: string;
  error?: boolean;
  engine: 'consent-o-matic' | 'reimplementation';
}

const REAL = process.env.CONSENT_O_MATIC_DIR;
/** Which engine `injectConsentOMatic` runs in this process. */
export const COM_ENGINE: Handled['engine'] = REAL ? 'consent-o-matic' : 'reimplementation';
let realBundle: Promise<string> | null = null;

async function bundleRealEngine(dir: string): Promise<string> {
  const { build } = await import('esbuild');
  const out = await build({
    stdin: {
      contents: `import ConsentEngine from ${JSON.stringify(join(dir, 'ConsentEngine.js'))};
        window.chrome = window.chrome || {};
        window.__startConsentOMatic = (rules, types) => {
          ConsentEngine.debugValues = {};
          ConsentEngine.generalSettings = {};
          ConsentEngine.topFrameUrl = location.host;
          ConsentEngine.singleton = new ConsentEngine(rules, types, (evt) => {
            if (evt.handled || evt.error || !window.__comResult) window.__comResult = { ...evt, engine: 'consent-o-matic' };
          });
        };`,
      resolveDir: dir,
    },
    bundle: true,
    format: 'iife',
    write: false,
  });
  return out.outputFiles[0]!.text;
}

/** Starts the engine with `rules` for the visitor's `types`; the returned function reads its outcome. */
export async function injectConsentOMatic(page: Page, rules: Record<string, unknown>, types: ConsentTypes): Promise<() => Promise<Handled | null>> {
  const { $schema: _, ...config } = rules;
  if (REAL) {
    if (!existsSync(join(REAL, 'ConsentEngine.js'))) throw new Error(`CONSENT_O_MATIC_DIR=${REAL} has no ConsentEngine.js`);
    realBundle ??= bundleRealEngine(REAL);
    await page.addInitScript(await realBundle);
    await page.addInitScript(([c, t]) => (window as any).__startConsentOMatic(c, t), [config, types] as const);
  } else {
    await page.addInitScript(runRules, { config, types });
  }
  return () => page.evaluate(() => ((window as any).__comResult ?? null) as Handled | null);
}

/**
 * Consent-O-Matic's documented semantics, in the page. Serialized by Playwright: self-contained.
 * Detection: a CMP counts when any detector's presentMatcher and showingMatcher all match; then
 * HIDE_CMP, OPEN_OPTIONS, HIDE_CMP, DO_CONSENT, SAVE_CONSENT run in that order. DOM selection:
 * `parent` first, `target` inside it, an element's (open) shadow root searched when it has one;
 * `textFilter` (string or any of a list, case-insensitive) and `displayFilter` narrow the matches.
 */
function runRules({ config, types }: { config: Record<string, any>; types: Record<string, boolean> }): void {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const findElement = (options: any, parent: any): Element | null => {
    let top: any = parent ?? document;
    if (top.shadowRoot) top = top.shadowRoot;
    let found: Element[] = Array.from(top.querySelectorAll(options.selector));
    if (options.textFilter != null) {
      const filters: string[] = Array.isArray(options.textFilter) ? options.textFilter : [options.textFilter];
      found = found.filter((el) => filters.some((f) => (el.textContent ?? '').toLowerCase().includes(f.toLowerCase())));
    }
    if (options.displayFilter != null) found = found.filter((el) => ((el as HTMLElement).offsetHeight !== 0) === options.displayFilter);
    return found[0] ?? null;
  };
  const find = (sel: any): Element | null => {
    if (sel.parent) {
      const parent = findElement(sel.parent, null);
      return parent ? findElement(sel.target, parent) : null;
    }
    return findElement(sel.target, null);
  };
  const matches = (m: any): boolean => {
    const el = find(m);
    if (m.type === 'checkbox') return !!el && (el as HTMLInputElement).checked;
    return el !== null; // css
  };
  const run = async (action: any, param: any): Promise<void> => {
    switch (action.type) {
      case 'click': {
        const el = find(action) as HTMLElement | null;
        el?.click();
        return;
      }
      case 'list':
        for (const a of action.actions) await run(a, param);
        return;
      case 'consent':
        for (const c of action.consents) {
          const wanted = param[c.type] === true;
          if (c.toggleAction && c.matcher) {
            if (matches(c.matcher) !== wanted) await run(c.toggleAction, param);
          } else if (wanted && c.trueAction) await run(c.trueAction, param);
          else if (!wanted && c.falseAction) await run(c.falseAction, param);
        }
        return;
      case 'ifcss':
        if (find(action)) {
          if (action.trueAction) await run(action.trueAction, param);
        } else if (action.falseAction) await run(action.falseAction, param);
        return;
      case 'waitcss':
        for (let i = 0; i < (action.retries ?? 10); i++) {
          if (!!find(action) !== !!action.negated) return;
          await sleep(action.waitTime ?? 250);
        }
        return;
      case 'wait':
        await sleep(action.waitTime ?? 250);
        return;
      case 'hide': {
        const el = find(action) as HTMLElement | null;
        if (el) el.style.opacity = '0';
        return;
      }
      default:
        throw new Error(`unsupported action ${action.type}`);
    }
  };
  const ORDER = ['HIDE_CMP', 'OPEN_OPTIONS', 'HIDE_CMP', 'DO_CONSENT', 'SAVE_CONSENT'];
  const tryOnce = async (): Promise<boolean> => {
    for (const [name, cmp] of Object.entries(config)) {
      const detector = (cmp.detectors as any[]).find((d) => [d.presentMatcher].flat().every(matches));
      if (!detector || ![detector.showingMatcher].flat().every(matches)) continue;
      const methods = new Map<string, any>((cmp.methods as any[]).map((m) => [m.name, m.action]));
      try {
        for (const method of ORDER) if (methods.has(method)) await run(methods.get(method), types);
        (window as any).__comResult = { handled: true, cmpName: name, engine: 'reimplementation' };
      } catch (error) {
        (window as any).__comResult = { handled: false, error: true, message: String(error), engine: 'reimplementation' };
      }
      return true;
    }
    return false;
  };
  const started = Date.now();
  const loop = async () => {
    if (await tryOnce()) return;
    if (Date.now() - started < 5000) setTimeout(loop, 250);
    else (window as any).__comResult = { handled: false, engine: 'reimplementation' };
  };
  setTimeout(loop, 250);
}
