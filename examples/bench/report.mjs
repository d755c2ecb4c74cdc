// Sizes, medians and the markdown that goes into docs/benchmarks.md (## Script tag).
import { readFileSync, writeFileSync } from 'node:fs';
import { renderDomWork } from './domwork.mjs';
import { lighthouseTargets, renderLighthouse } from './lighthouse.mjs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const gzip = (buf) => gzipSync(buf, { level: 9 }).length;
const brotli = (buf) =>
  brotliCompressSync(buf, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
  }).length;

/** Bytes of what the page actually fetched for the CMP, plus the setup markup inlined in the page. */
export function measureFiles(product, fetched, bodies) {
  const paths = [...(fetched ?? [])].sort();
  const buf = Buffer.concat(paths.map((p) => bodies[p]));
  const per = paths.map((p) => ({ path: p, raw: bodies[p].length, gzip: gzip(bodies[p]), brotli: brotli(bodies[p]) }));
  const setup = Buffer.from(product.setup);
  return {
    paths,
    expected: product.files.slice().sort().join() === paths.join(),
    wanted: product.files,
    per,
    // Each file is compressed on its own, as a server sends it.
    raw: buf.length,
    gzip: per.reduce((s, f) => s + f.gzip, 0),
    brotli: per.reduce((s, f) => s + f.brotli, 0),
    setup: { raw: setup.length, brotli: brotli(setup) },
  };
}

const median = (xs) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const max = (xs) => (xs.some((x) => x != null) ? Math.max(...xs.filter((x) => x != null)) : null);
const min = (xs) => (xs.some((x) => x != null) ? Math.min(...xs.filter((x) => x != null)) : null);
/** Total blocking time as Lighthouse counts it: each long task's time past 50 ms, after FCP. */
const tbt = (run) =>
  run.fcp == null
    ? null
    : run.longTasks.reduce((n, e) => {
        const start = Math.max(e.start, run.fcp);
        const end = e.start + e.duration;
        return end > start ? n + Math.max(0, end - start - 50) : n;
      }, 0);

/** Per product and throttle: medians over the runs whose banner showed. */
export function summarise(products, results, files) {
  return products.map((p) => {
    const row = { id: p.id, name: p.name, files: files[p.id] };
    for (const t of [1, 4]) {
      const runs = results[`${p.id}@${t}`] ?? [];
      const ok = runs.filter((r) => !r.failed);
      const own = (src) => typeof src === 'string' && (src.includes('/cmp/') || src.endsWith(`/${p.id}.html`));
      row[t] = {
        n: ok.length,
        failed: runs.length - ok.length,
        banner: median(ok.map((r) => r.banner)),
        bannerMin: min(ok.map((r) => r.banner)),
        bannerMax: max(ok.map((r) => r.banner)),
        fcp: median(ok.map((r) => r.fcp)),
        longTask: median(ok.map((r) => r.longTasks.reduce((s, e) => s + e.duration, 0))),
        tbt: median(ok.map(tbt)),
        // The guard's synchronous run (bench marks around its <script>, from its file's arrival).
        guard: median(ok.map((r) => r.guard?.run)),
        guardMax: max(ok.map((r) => r.guard?.run)),
        longTaskMax: max(ok.map((r) => r.longTasks.reduce((s, e) => s + e.duration, 0))),
        longTaskCount: max(ok.map((r) => r.longTasks.length)),
        // The longest single run of the CMP's own code inside a long animation frame.
        cmpScript: median(ok.map((r) => max(r.scripts.filter((s) => own(s.source)).map((s) => s.duration)) ?? 0)),
        cmpScriptMax: max(ok.map((r) => max(r.scripts.filter((s) => own(s.source)).map((s) => s.duration)) ?? 0)),
        cls: max(ok.map((r) => r.shifts.reduce((s, e) => s + e.value, 0))),
        // Loads whose largest contentful paint was the banner (of those that reported one).
        lcpBanner: ok.filter((r) => r.lcp?.inBanner).length,
        lcpLoads: ok.filter((r) => r.lcp).length,
        thirdParty: max(runs.map((r) => r.thirdParty.length)),
        errors: [...new Set(runs.flatMap((r) => [...(r.console ?? []), ...(r.errors ?? []), ...(r.failed ? [r.failed] : [])]))],
        box: ok[0]?.box,
        // Files requested before the banner showed, in every load: what the banner waited for.
        beforeBanner: t === 1 && ok.length
          ? [...new Set(ok.flatMap((r) => (r.resources ?? []).map((x) => x.path)))].filter((path) =>
              ok.every((r) => (r.resources ?? []).some((x) => x.path === path && r.banner != null && x.start < r.banner)),
            )
          : [],
        shiftNodes: [...new Set(ok.flatMap((r) => r.shifts.filter((x) => x.value > 0).flatMap((x) => x.nodes)))],
        slowest: ok
          .flatMap((r) => r.scripts.filter((x) => own(x.source)))
          .sort((a, b) => b.duration - a.duration)[0],
      };
    }
    return row;
  });
}

const kb = (n) => (n / 1024).toFixed(1);
const ms = (n) => (n == null ? '–' : n.toFixed(0));
const range = (lo, hi) => (lo == null ? '–' : `${ms(lo)}–${ms(hi)}`);
const ratio = (a, b) => (a == null || b == null || b === 0 ? '–' : `${(a / b).toFixed(2)}×`);

const VARIANT_NAMES = { small: 'Small page (the home page)', article: 'Article page (40 sections, about 9,000 words)' };
const short = (p) => p.replace(/^\/cmp\/(cc\/|klaro\/)?/, '');

function mainTable(rows) {
  const out = [];
  out.push('| | files the page fetched | raw KB | gzip KB | brotli KB | banner visible, ms (1×) | min–max | banner visible, ms (4× CPU) | min–max | FCP ms 1× / 4× | FCP ÷ no CMP 1× / 4× | guard sync run, ms 1× / 4× (worst) | TBT ms 1× / 4× | long tasks, ms 1× / 4× (worst run) | longest CMP script run in a long frame, ms 1× / 4× (worst run) | CLS (worst run) |');
  out.push('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  const base = rows.find((r) => r.id === 'baseline');
  for (const r of rows) {
    const [a, b] = [r[1], r[4]];
    out.push(
      (r.files.wanted.length
        ? `| **${r.name}** | ${r.files.paths.map((p) => `\`${short(p)}\``).join(' + ')} | ${kb(r.files.raw)} | ${kb(r.files.gzip)} | **${kb(r.files.brotli)}** `
        : `| ${r.name} | – | – | – | – `) +
        `| **${ms(a.banner)}** | ${range(a.bannerMin, a.bannerMax)} | **${ms(b.banner)}** | ${range(b.bannerMin, b.bannerMax)} ` +
        `| ${ms(a.fcp)} / ${ms(b.fcp)} | ${r === base ? '1 / 1' : `${ratio(a.fcp, base?.[1].fcp)} / ${ratio(b.fcp, base?.[4].fcp)}`} ` +
        `| ${a.guard == null ? '–' : `${a.guard.toFixed(1)} / ${b.guard?.toFixed(1) ?? '–'} (${b.guardMax?.toFixed(1) ?? '–'})`} ` +
        `| ${ms(a.tbt)} / ${ms(b.tbt)} | ${ms(a.longTask)} / ${ms(b.longTask)} (${ms(b.longTaskMax)}) | ${r.files.wanted.length ? `${ms(a.cmpScript)} / ${ms(b.cmpScript)} (${ms(b.cmpScriptMax)})` : '–'} ` +
        `| ${Math.max(a.cls ?? 0, b.cls ?? 0).toFixed(3)} |`,
    );
  }
  return out;
}

function notesFor(rows, prefix) {
  const notes = [];
  for (const r of rows) {
    if (!r.files.wanted.length) continue;
    for (const t of [1, 4]) {
      const s = r[t];
      const who = `${prefix}${r.name} ${t}×`;
      if (s.failed) notes.push(`${who}: banner not visible within 8 s in ${s.failed} load(s)`);
      if (s.shiftNodes.length) notes.push(`${who}: layout shift sources: ${s.shiftNodes.join(', ')}`);
      if (s.slowest && s.slowest.duration >= 50) {
        notes.push(`${who}: worst own script run in a long frame ${s.slowest.duration.toFixed(0)} ms (${s.slowest.invoker || '?'}; ${String(s.slowest.source).replace(/^https?:\/\/[^/]+/, '')})`);
      }
      if (s.thirdParty) notes.push(`${who}: ${s.thirdParty} third-party request(s) before any decision`);
      if (s.lcpBanner) notes.push(`${who}: the banner was the page's LCP element in ${s.lcpBanner} of ${s.lcpLoads} loads`);
      for (const e of s.errors.slice(0, 3)) notes.push(`${who}: page error: ${e.slice(0, 160)}`);
    }
  }
  return notes;
}

/** @param {Record<string, any[]>} byVariant summarise() per page size */
export function renderMarkdown(byVariant, meta, { dom = null, lh = null } = {}) {
  const out = [];
  const variants = Object.keys(byVariant);
  out.push(`Run ${meta.date} UTC · ${meta.runs} measured loads per page, product and CPU rate (median shown; one warm-up load each, discarded)` +
    `${meta.cut ? ' · **cut short by the time box: see n in the notes**' : ''} · ${meta.seconds} s in all · ` +
    `${meta.chromium} headless · ${meta.cpus} · Node ${meta.node} · load average ${meta.load}`);
  out.push('');
  out.push(`Command: \`${meta.command}\``);
  out.push('');
  out.push(`Consentry build measured: \`consentry.min.js\` built ${meta.consentryBuild.built} UTC, sha256 \`${meta.consentryBuild.sha256}…\`. ` +
    `Versions: Consentry ${meta.versions.consentry}, vanilla-cookieconsent ${meta.versions.cookieconsent}, Klaro ${meta.versions.klaro}.`);
  for (const v of variants) {
    out.push('', `**${VARIANT_NAMES[v] ?? v}**`, '', ...mainTable(byVariant[v]));
  }
  out.push('');
  const rows = byVariant.small ?? byVariant[variants[0]];
  const us = rows.find((r) => r.id === 'consentry');
  out.push('Consentry (drop-in) ÷ peer, small page (below 1 = Consentry smaller or sooner):');
  out.push('');
  out.push('| peer | brotli bytes | gzip bytes | banner 1× | banner 4× | TBT 4× |');
  out.push('|---|--:|--:|--:|--:|--:|');
  for (const r of rows.filter((x) => x !== us && x.files.wanted.length)) {
    out.push(`| ${r.name} | ${ratio(us.files.brotli, r.files.brotli)} | ${ratio(us.files.gzip, r.files.gzip)} | ${ratio(us[1].banner, r[1].banner)} | ${ratio(us[4].banner, r[4].banner)} | ${ratio(us[4].tbt, r[4].tbt)} |`);
  }
  out.push('');
  if (dom) out.push(...renderDomWork(dom), '');
  if (lh) out.push(...renderLighthouse(lh, Object.fromEntries(rows.map((r) => [r.id, r.name]))), '');
  else if (meta.lighthouse === false) out.push('Lighthouse: skipped in this run (`BENCH_LIGHTHOUSE=0`).', '');
  out.push(...targets(byVariant, dom, lh), '');
  const notes = [];
  for (const r of rows) {
    if (!r.files.wanted.length) continue;
    notes.push(`${r.name}: setup markup inlined in the page ${r.files.setup.raw} B raw / ${r.files.setup.brotli} B brotli (not in the file columns)`);
    if (!r.files.expected) {
      const more = r.files.paths.filter((p) => !r.files.wanted.includes(p));
      if (more.length) notes.push(`${r.name}: besides its script tag the page fetched ${more.length} more file(s), counted above`);
      const missing = r.files.wanted.filter((p) => !r.files.paths.includes(p));
      if (missing.length) notes.push(`${r.name}: never fetched ${missing.join(', ')}`);
    }
    const early = r[1].beforeBanner;
    if (early.length && early.length < r.files.per.length) {
      const b = r.files.per.filter((f) => early.includes(f.path)).reduce((n, f) => n + f.brotli, 0);
      notes.push(`${r.name}: requested before the banner showed, in every load: ${early.map(short).join(' + ')} = ${kb(b)} KB brotli`);
    }
    if (r.files.per.length > 1) {
      notes.push(`${r.name} per file (raw / gzip / brotli, bytes): ${r.files.per.map((f) => `${short(f.path)} ${f.raw} / ${f.gzip} / ${f.brotli}`).join('; ')}`);
    }
  }
  for (const v of variants) notes.push(...notesFor(byVariant[v], variants.length > 1 ? `${v} page, ` : ''));
  if (meta.cut) {
    for (const v of variants) for (const r of byVariant[v]) notes.push(`${v} page, ${r.name}: n = ${r[1].n} at 1×, ${r[4].n} at 4×`);
  }
  if (meta.proofPosts) notes.push(`${meta.proofPosts} proof POST(s) reached the bench server without a decision`);
  out.push(...notes.map((n) => `- ${n}`));
  return out.join('\n');
}

const held = (ok) => (ok == null ? '–' : ok ? 'held' : '**not held**');

/** Issue 18's targets, each with this run's figure per page size and whether it holds. */
function targets(byVariant, dom, lh) {
  const variants = Object.keys(byVariant);
  // Each target for the drop-in guard (config in the page) and the compiled one (checked ahead of time).
  const guards = [['consentry', 'drop-in', /\/consentry\.min\.js$/], ['consentry-compiled', 'compiled', /\/consentry\.site\.js$/]].filter(([id]) =>
    (byVariant.small ?? byVariant[variants[0]]).some((r) => r.id === id),
  );
  const per = (rows, id) => {
    const us = rows.find((r) => r.id === id);
    const base = rows.find((r) => r.id === 'baseline');
    const cc = rows.find((r) => r.id === 'cookieconsent');
    const x = (v, limit, fmt) => (v == null || Number.isNaN(v) ? ['–', null] : [fmt(v), v <= limit]);
    const times = (v) => `${v.toFixed(2)}×`;
    const msf = (v) => `${v.toFixed(1)} ms`;
    return [
      ["guard's synchronous run ≤ 8 ms at 1× (median)", x(us[1].guard, 8, msf)],
      ["guard's synchronous run ≤ 30 ms at 4× (median)", x(us[4].guard, 30, msf)],
      ["no run of Consentry's code ≥ 50 ms at 4× (worst load)", x(us[4].cmpScriptMax, 49.999, (v) => `${v.toFixed(0)} ms`)],
      ['FCP ≤ 1.1× bare page, 1×', x(us[1].fcp / base[1].fcp, 1.1, times)],
      ['FCP ≤ 1.1× bare page, 4×', x(us[4].fcp / base[4].fcp, 1.1, times)],
      ['banner visible ≤ 0.85× vanilla-cookieconsent, 4×', x(cc ? us[4].banner / cc[4].banner : null, 0.85, times)],
      ['banner visible sooner than vanilla-cookieconsent, 1×', x(cc ? us[1].banner / cc[1].banner : null, 0.9999, times)],
      ['TBT at 4× ≤ bare page + 50 ms', x(us[4].tbt == null || base[4].tbt == null ? null : us[4].tbt - base[4].tbt, 50, (v) => `+${v.toFixed(0)} ms`)],
      ['layout shift 0 (worst load, 1× and 4×)', x(Math.max(us[1].cls ?? 0, us[4].cls ?? 0), 0, (v) => v.toFixed(4))],
      [
        'the banner is never the LCP element (loads where it was, 1× and 4×)',
        x(us[1].lcpLoads + us[4].lcpLoads ? us[1].lcpBanner + us[4].lcpBanner : null, 0, (v) => `${v} of ${us[1].lcpLoads + us[4].lcpLoads}`),
      ],
    ];
  };
  const columns = variants.flatMap((v) => guards.map(([id, label]) => [`${v} page, ${label}`, per(byVariant[v], id)]));
  const out = [
    `| target (issue 18) | ${columns.map(([name]) => name).join(' | ')} |`,
    `|---|${columns.map(() => ':-:').join('|')}|`,
    ...columns[0][1].map(([name], i) => `| ${name} | ${columns.map(([, t]) => `${t[i][1][0]} ${held(t[i][1][1])}`).join(' | ')} |`),
  ];
  // One figure for the whole run: bytes (same files on both pages), the DOM work, Lighthouse.
  const rows = byVariant.small ?? byVariant[variants[0]];
  const single = [];
  for (const [id, label, file] of guards) {
    const us = rows.find((r) => r.id === id);
    const bytes = (re) => us.files.per.filter((f) => re.test(f.path)).reduce((n, f) => n + f.brotli, 0);
    const early = us[1].beforeBanner;
    const beforeBanner = us.files.per.filter((f) => early.includes(f.path)).reduce((n, f) => n + f.brotli, 0);
    single.push(
      [`${label}: guard file ≤ 8 KB brotli`, `${bytes(file)} B`, bytes(file) <= 8 * 1024],
      [`${label}: fetched before the banner ≤ 16 KB brotli`, `${beforeBanner} B`, beforeBanner <= 16 * 1024],
      [`${label}: whole first visit ≤ 20 KB brotli`, `${us.files.brotli} B`, us.files.brotli <= 20 * 1024],
    );
  }
  if (dom) {
    const worst = dom.rows.filter((r) => r.ratio != null).sort((a, b) => b.ratio - a.ratio)[0];
    single.push(['page DOM work ≤ 1.3× without Consentry (worst workload)', worst ? `${worst.ratio.toFixed(2)}× (${worst.id})` : '–', worst ? worst.ratio <= 1.3 : null]);
  }
  if (lh) for (const [id, label] of guards) single.push(...lighthouseTargets(lh, id).map(([name, ...rest]) => [`${label}: ${name}`, ...rest]));
  out.push('', '| target (issue 18), whole run | this run | |', '|---|--:|:-:|', ...single.map(([name, v, ok]) => `| ${name} | ${v} | ${held(ok)} |`));
  return out;
}

const START = '<!-- bench:script-tag:start (generated by examples/bench/run.mjs) -->';
const END = '<!-- bench:script-tag:end -->';

/** Replaces the generated block inside "## Script tag"; everything else in the file stays. */
export function writeDocs(file, markdown) {
  const text = readFileSync(file, 'utf8');
  const block = `${START}\n${markdown}\n${END}`;
  if (text.includes(START) && text.includes(END)) {
    writeFileSync(file, text.slice(0, text.indexOf(START)) + block + text.slice(text.indexOf(END) + END.length));
    return;
  }
  const section = `## Script tag\n\n\`\`\`sh\npnpm bench   # = node examples/bench/run.mjs\n\`\`\`\n\n${block}\n\n`;
  const at = text.indexOf('## Server');
  writeFileSync(file, at >= 0 ? text.slice(0, at) + section + text.slice(at) : `${text.trimEnd()}\n\n${section}`);
}
