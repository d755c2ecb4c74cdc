// Sizes, medians and the markdown that goes into docs/benchmarks.md (## Script tag).
import { readFileSync, writeFileSync } from 'node:fs';
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
        longTaskMax: max(ok.map((r) => r.longTasks.reduce((s, e) => s + e.duration, 0))),
        longTaskCount: max(ok.map((r) => r.longTasks.length)),
        // The longest single run of the CMP's own code inside a long animation frame.
        cmpScript: median(ok.map((r) => max(r.scripts.filter((s) => own(s.source)).map((s) => s.duration)) ?? 0)),
        cmpScriptMax: max(ok.map((r) => max(r.scripts.filter((s) => own(s.source)).map((s) => s.duration)) ?? 0)),
        cls: max(ok.map((r) => r.shifts.reduce((s, e) => s + e.value, 0))),
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

export function renderMarkdown(rows, meta) {
  const out = [];
  out.push(`Run ${meta.date} UTC · ${meta.runs} measured loads per product and CPU rate (median shown; one warm-up load each, discarded)` +
    `${meta.cut ? ' · **cut short by the 5-minute bound: see n**' : ''} · ${meta.seconds} s in all · ` +
    `${meta.chromium} headless · ${meta.cpus} · Node ${meta.node} · load average ${meta.load}`);
  out.push('');
  out.push(`Command: \`${meta.command}\``);
  out.push('');
  out.push(`Consentry build measured: \`consentry.min.js\` built ${meta.consentryBuild.built} UTC, sha256 \`${meta.consentryBuild.sha256}…\`.`);
  out.push('');
  out.push('| | files the page fetched | raw KB | gzip KB | brotli KB | banner visible, ms (1×) | min–max | banner visible, ms (4× CPU) | min–max | FCP ms 1× / 4× | FCP ÷ no CMP 1× / 4× | long tasks, ms 1× / 4× (worst run) | longest CMP script run in a long frame, ms 1× / 4× (worst run) | CLS (worst run) |');
  out.push('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  const base = rows.find((r) => r.id === 'baseline');
  for (const r of rows) {
    const a = r[1];
    const b = r[4];
    const version = meta.versions[r.id];
    out.push(
      (r.files.wanted.length
        ? `| **${r.name}** ${version} | ${r.files.paths.map((p) => `\`${p.replace(/^\/cmp\/(cc\/|klaro\/)?/, '')}\``).join(' + ')} | ${kb(r.files.raw)} | ${kb(r.files.gzip)} | **${kb(r.files.brotli)}** `
        : `| ${r.name} | – | – | – | – `) +
        `| **${ms(a.banner)}** | ${range(a.bannerMin, a.bannerMax)} | **${ms(b.banner)}** | ${range(b.bannerMin, b.bannerMax)} ` +
        `| ${ms(a.fcp)} / ${ms(b.fcp)} | ${r === base ? '1 / 1' : `${ratio(a.fcp, base?.[1].fcp)} / ${ratio(b.fcp, base?.[4].fcp)}`} | ${ms(a.longTask)} / ${ms(b.longTask)} (${ms(b.longTaskMax)}) | ${r.files.wanted.length ? `${ms(a.cmpScript)} / ${ms(b.cmpScript)} (${ms(b.cmpScriptMax)})` : '–'} ` +
        `| ${(Math.max(a.cls ?? 0, b.cls ?? 0)).toFixed(3)} |`,
    );
  }
  out.push('');
  const us = rows.find((r) => r.id === 'consentry');
  out.push('Consentry ÷ peer (below 1 = Consentry smaller or sooner):');
  out.push('');
  out.push('| peer | brotli bytes | gzip bytes | banner 1× | banner 4× | long tasks 4× |');
  out.push('|---|--:|--:|--:|--:|--:|');
  for (const r of rows.filter((x) => x !== us && x.files.wanted.length)) {
    out.push(`| ${r.name} | ${ratio(us.files.brotli, r.files.brotli)} | ${ratio(us.files.gzip, r.files.gzip)} | ${ratio(us[1].banner, r[1].banner)} | ${ratio(us[4].banner, r[4].banner)} | ${ratio(us[4].longTask, r[4].longTask)} |`);
  }
  out.push('');
  if (us && base) out.push(...targets(us, base, rows.find((x) => x.id === 'cookieconsent')), '');
  const notes = [];
  for (const r of rows) {
    if (!r.files.wanted.length) continue;
    const setup = `${r.name}: setup markup inlined in the page ${r.files.setup.raw} B raw / ${r.files.setup.brotli} B brotli (not in the file columns)`;
    notes.push(setup);
    if (!r.files.expected) {
      const more = r.files.paths.filter((p) => !r.files.wanted.includes(p));
      if (more.length) notes.push(`${r.name}: besides its script tag the page fetched ${more.length} more file(s), counted above`);
      const missing = r.files.wanted.filter((p) => !r.files.paths.includes(p));
      if (missing.length) notes.push(`${r.name}: never fetched ${missing.join(', ')}`);
    }
    const early = r[1].beforeBanner;
    if (early.length && early.length < r.files.per.length) {
      const b = r.files.per.filter((f) => early.includes(f.path)).reduce((n, f) => n + f.brotli, 0);
      notes.push(`${r.name}: requested before the banner showed, in every load: ${early.map((p) => p.replace(/^\/cmp\/(cc\/|klaro\/)?/, '')).join(' + ')} = ${kb(b)} KB brotli`);
    }
    if (r.files.per.length > 1) {
      notes.push(`${r.name} per file (raw / gzip / brotli, bytes): ${r.files.per.map((f) => `${f.path.replace(/^\/cmp\/(cc\/|klaro\/)?/, '')} ${f.raw} / ${f.gzip} / ${f.brotli}`).join('; ')}`);
    }
    for (const t of [1, 4]) {
      const s = r[t];
      if (s.failed) notes.push(`${r.name} ${t}×: banner not visible within 8 s in ${s.failed} load(s)`);
      if (s.shiftNodes.length) notes.push(`${r.name} ${t}×: layout shift sources: ${s.shiftNodes.join(', ')}`);
      if (s.slowest && s.slowest.duration >= 50) {
        notes.push(`${r.name} ${t}×: worst own script run in a long frame ${s.slowest.duration.toFixed(0)} ms (${s.slowest.invoker || '?'}; ${String(s.slowest.source).replace(/^https?:\/\/[^/]+/, '')})`);
      }
      if (s.thirdParty) notes.push(`${r.name} ${t}×: ${s.thirdParty} third-party request(s) before any decision`);
      for (const e of s.errors.slice(0, 3)) notes.push(`${r.name} ${t}×: page error: ${e.slice(0, 160)}`);
    }
  }
  if (meta.proofPosts) notes.push(`${meta.proofPosts} proof POST(s) reached the bench server without a decision`);
  out.push(...notes.map((n) => `- ${n}`));
  return out.join('\n');
}

/** The script-tag targets (issue 11), each with the figure of this run and whether it holds. */
function targets(us, base, cc) {
  const per = (re) => us.files.per.filter((f) => re.test(f.path)).reduce((n, f) => n + f.brotli, 0);
  const guard = per(/\/consentry\.min\.js$/);
  const early = us[1].beforeBanner;
  const beforeBanner = us.files.per.filter((f) => early.includes(f.path)).reduce((n, f) => n + f.brotli, 0);
  const rows = [
    ['FCP ≤ 1.1× no CMP, 1×', us[1].fcp / base[1].fcp, 1.1, (v) => `${v.toFixed(2)}×`],
    ['FCP ≤ 1.1× no CMP, 4×', us[4].fcp / base[4].fcp, 1.1, (v) => `${v.toFixed(2)}×`],
    ['banner 4× ≤ 0.85× vanilla-cookieconsent', cc ? us[4].banner / cc[4].banner : null, 0.85, (v) => `${v.toFixed(2)}×`],
    ['banner 1× sooner than vanilla-cookieconsent', cc ? us[1].banner / cc[1].banner : null, 0.9999, (v) => `${v.toFixed(2)}×`],
    ['each own script run < 50 ms at 4× (worst load)', us[4].cmpScriptMax, 49.999, (v) => `${v.toFixed(0)} ms`],
    ['layout shift 0', Math.max(us[1].cls ?? 0, us[4].cls ?? 0), 0, (v) => v.toFixed(4)],
    ['guard file ≤ 8 KB brotli', guard, 8 * 1024, (v) => `${v} B`],
    ['fetched before the banner ≤ 16 KB brotli', beforeBanner, 16 * 1024, (v) => `${v} B`],
    ['whole first visit ≤ 20 KB brotli', us.files.brotli, 20 * 1024, (v) => `${v} B`],
  ];
  return [
    '| target (issue 11) | this run | holds |',
    '|---|--:|:-:|',
    ...rows.map(([name, v, limit, fmt]) => `| ${name} | ${v == null || Number.isNaN(v) ? '–' : fmt(v)} | ${v == null || Number.isNaN(v) ? '–' : v <= limit ? 'yes' : '**no**'} |`),
  ];
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
