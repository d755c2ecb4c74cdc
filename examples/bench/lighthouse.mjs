// Lighthouse 12 (npm, pinned in package.json) with its mobile defaults (simulated throttling, Moto G
// Power emulation) against Debian's Chromium, on the same article page bare / with Consentry / with
// vanilla-cookieconsent: `runs` runs each, in rotating order, medians. One browser for all runs
// (Lighthouse resets storage before each), started here with the flags below.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The five metrics the performance score weighs (so the score is Lighthouse's own) and bootup-time;
// the other audits would only add gathering time.
const AUDITS = ['first-contentful-paint', 'speed-index', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'bootup-time'];

export const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

async function startChromium(path) {
  const profile = mkdtempSync(join(tmpdir(), 'consentry-lh-'));
  const child = spawn(path, [...FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, '--no-first-run', 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const port = await new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not open a DevTools port within 30 s: ${text.slice(-300)}`)), 30_000);
    child.stderr.on('data', (chunk) => {
      text += chunk;
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.on('exit', (code) => reject(new Error(`Chromium exited (${code}) before opening a DevTools port: ${text.slice(-300)}`)));
  });
  return {
    port,
    async close() {
      // The profile goes once Chromium has exited (it writes to it until then).
      const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r));
      child.kill();
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const median = (xs) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length ? (s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2) : null;
};

/** bootup-time rows of the product's own files (everything under /cmp/), summed: total, scripting. */
function ownBootup(lhr) {
  const items = lhr.audits['bootup-time']?.details?.items ?? [];
  const own = items.filter((i) => typeof i.url === 'string' && new URL(i.url, 'http://x').pathname.startsWith('/cmp/'));
  return { total: own.reduce((n, i) => n + (i.total ?? 0), 0), scripting: own.reduce((n, i) => n + (i.scripting ?? 0), 0) };
}

/**
 * @param {{ chromium: string, pages: Array<{ id: string, url: string }>, runs: number, log?: (line: string) => void }} options
 */
export async function lighthouse({ chromium, pages, runs = 3, log = () => {} }) {
  const { default: run } = await import('lighthouse');
  const version = (await import('lighthouse/package.json', { with: { type: 'json' } }).catch(() => null))?.default?.version ?? '12';
  const results = Object.fromEntries(pages.map((p) => [p.id, []]));
  const errors = [];
  let browser;
  try {
    browser = await startChromium(chromium);
    for (let round = 0; round < runs; round++) {
      for (let k = 0; k < pages.length; k++) {
        const page = pages[(round + k) % pages.length];
        try {
          const result = await run(page.url, { port: browser.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'], onlyAudits: AUDITS });
          const lhr = result?.lhr;
          if (!lhr) throw new Error('no result');
          if (lhr.runtimeError) throw new Error(lhr.runtimeError.message);
          const a = (id) => lhr.audits[id]?.numericValue ?? null;
          const row = {
            score: lhr.categories.performance.score == null ? null : Math.round(lhr.categories.performance.score * 100),
            fcp: a('first-contentful-paint'),
            lcp: a('largest-contentful-paint'),
            tbt: a('total-blocking-time'),
            cls: a('cumulative-layout-shift'),
            bootup: ownBootup(lhr),
            warnings: lhr.runWarnings ?? [],
          };
          results[page.id].push(row);
          log(`lh      ${page.id.padEnd(14)} score ${row.score}, FCP ${row.fcp?.toFixed(0)}, LCP ${row.lcp?.toFixed(0)}, TBT ${row.tbt?.toFixed(0)}, CLS ${row.cls?.toFixed(3)}, own bootup ${row.bootup.total.toFixed(0)} ms`);
        } catch (error) {
          errors.push(`${page.id}: ${String(error?.message ?? error).split('\n')[0]}`);
          log(`lh      ${page.id.padEnd(14)} FAILED ${errors.at(-1)}`);
        }
      }
    }
  } catch (error) {
    errors.push(String(error?.message ?? error).split('\n')[0]);
  } finally {
    await browser?.close();
  }
  const summary = Object.fromEntries(
    Object.entries(results).map(([id, rs]) => [
      id,
      {
        n: rs.length,
        score: median(rs.map((r) => r.score)),
        fcp: median(rs.map((r) => r.fcp)),
        lcp: median(rs.map((r) => r.lcp)),
        tbt: median(rs.map((r) => r.tbt)),
        cls: median(rs.map((r) => r.cls)),
        bootup: median(rs.map((r) => r.bootup.total)),
        scripting: median(rs.map((r) => r.bootup.scripting)),
        warnings: [...new Set(rs.flatMap((r) => r.warnings))],
      },
    ]),
  );
  return { version, runs, summary, errors: [...new Set(errors)] };
}

/** The Lighthouse table and its three targets (score = bare, LCP ≤ 1.05× bare, own bootup ≤ vanilla-cookieconsent's). */
export function renderLighthouse(lh, names) {
  const ms = (n) => (n == null ? '–' : n.toFixed(0));
  const s = lh.summary;
  const out = [
    `Lighthouse ${lh.version} (mobile defaults: simulated throttling, Moto G Power emulation; performance category, its five metrics and bootup-time) on the article page, Debian's Chromium with \`${FLAGS.join(' ')}\`; median of ${lh.runs} runs each, rotating order:`,
    '',
    "| | runs | performance score | FCP ms | LCP ms | TBT ms | CLS | the CMP's own files in `bootup-time`, ms (scripting) |",
    '|---|--:|--:|--:|--:|--:|--:|--:|',
    ...Object.entries(s).map(
      ([id, r]) =>
        `| ${names[id] ?? id} | ${r.n} | ${r.score ?? '–'} | ${ms(r.fcp)} | ${ms(r.lcp)} | ${ms(r.tbt)} | ${r.cls == null ? '–' : r.cls.toFixed(3)} | ${id === 'baseline' ? '–' : `${ms(r.bootup)} (${ms(r.scripting)})`} |`,
    ),
  ];
  for (const e of lh.errors.slice(0, 3)) out.push(`- Lighthouse error: ${e}`);
  for (const [id, r] of Object.entries(s)) for (const w of r.warnings.slice(0, 2)) out.push(`- ${names[id] ?? id}: Lighthouse warning: ${String(w).slice(0, 200)}`);
  return out;
}

/** Target rows for the targets table: [name, value text, held]. */
export function lighthouseTargets(lh, id = 'consentry') {
  const s = lh.summary;
  const [bare, us, cc] = [s.baseline, s[id], s.cookieconsent];
  if (!bare?.n || !us?.n) return [['Lighthouse (no runs)', '–', null]];
  const rows = [
    ['Lighthouse performance score = bare page', `${us.score} vs ${bare.score}`, us.score != null && us.score >= bare.score],
    ['Lighthouse LCP ≤ 1.05× bare page', `${(us.lcp / bare.lcp).toFixed(2)}×`, us.lcp <= 1.05 * bare.lcp],
  ];
  if (cc?.n) rows.push(["Lighthouse `bootup-time` of Consentry's files ≤ vanilla-cookieconsent's", `${us.bootup.toFixed(0)} vs ${cc.bootup.toFixed(0)} ms`, us.bootup <= cc.bootup]);
  return rows;
}
