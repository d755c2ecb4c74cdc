// report.html: one self-contained page for a person (no script, no CDN; screenshots inlined as
// data URIs). Verdicts first, then the banner, the vendors, and every page's passes in detail.
import { humanDays } from './classify.js';
import { legendHtml, timelineSvg } from './timeline.js';
import type { CookieRecord, PageReport, PassReport, ScanReport, StorageRecord, Verdict } from './types.js';

const esc = (s: unknown): string => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const PASS_TITLE = { none: 'No interaction', reject: 'After Reject all', accept: 'After Accept all' } as const;

const CSS = `
:root{color-scheme:light}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2330;background:#fff}
header,main{max-width:72rem;margin:0 auto;padding:0 1rem}
header{padding-top:1.5rem}
h1{font-size:1.6rem;margin:.2rem 0}
h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #c9ccd3;padding-bottom:.2rem}
h3{font-size:1.05rem}
.summary{font-size:1.1rem;padding:.75rem 1rem;border-radius:6px;border:2px solid}
.clean{background:#e8f5ec;border-color:#1e6b3a}
.dirty{background:#fdecea;border-color:#b3261e}
ol.verdicts{list-style:none;padding:0}
ol.verdicts li{border-left:6px solid #5b5b66;padding:.4rem .8rem;margin:.5rem 0;background:#f4f5f7}
li.violation{border-color:#b3261e}
li.warning{border-color:#8a5a00}
.sev{display:inline-block;font-weight:700;font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;margin-right:.4rem}
.violation .sev{color:#9b1c15}
.warning .sev{color:#6f4800}
.info .sev{color:#3f3f48}
.muted{color:#4a4f5c}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.9rem}
caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border:1px solid #c9ccd3;padding:.25rem .45rem;text-align:left;vertical-align:top}
th{background:#eef0f3}
td.url{word-break:break-all;max-width:28rem}
.shots{display:flex;gap:1.5rem;flex-wrap:wrap;align-items:flex-start}
figure{margin:0}
figure img{border:1px solid #c9ccd3;max-width:100%}
figcaption{font-size:.9rem}
.legend{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0;font-size:.9rem}
details{margin:.5rem 0;border:1px solid #c9ccd3;border-radius:6px;padding:.3rem .8rem}
summary{cursor:pointer;font-weight:600}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em;background:#eef0f3;padding:0 .2em}
`;

function verdictItem(v: Verdict): string {
  return `<li class="${v.severity}"><span class="sev">${v.severity}</span><strong>${esc(v.title)}</strong>
<p>${esc(v.detail)}</p>
<p class="muted">${v.pages.length ? `${v.pages.length} page${v.pages.length === 1 ? '' : 's'}. ` : ''}What to do: <code>${esc(v.fix)}</code></p></li>`;
}

function table(caption: string, head: string[], rows: string[][]): string {
  if (!rows.length) return `<p class="muted">${esc(caption)}: none.</p>`;
  return `<table><caption>${esc(caption)}</caption><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>
<tbody>${rows.map((r) => `<tr>${r.map((c, i) => `<td${i === 0 && head[0] === 'URL' ? ' class="url"' : ''}>${c}</td>`).join('')}</tr>`).join('\n')}</tbody></table>`;
}

const lifetime = (c: CookieRecord) => (c.lifetimeDays === null ? 'session' : `${humanDays(c.lifetimeDays)}${c.tooLong ? ' (over 13 months)' : ''}`);
const who = (r: { vendor: string | null; vendorId: string | null }) => esc(r.vendor ?? 'unknown') + (r.vendorId ? ` <code>${esc(r.vendorId)}</code>` : '');

function passSection(page: PageReport, pass: PassReport): string {
  const a = pass.action;
  const action = a.wanted
    ? a.clicked
      ? `Clicked "${esc(a.control?.text)}" (found by ${a.control?.by === 'markup' ? `the CMP's markup <code>${esc(a.control.selector)}</code>` : 'its label'}) at ${a.at} ms.`
      : esc(a.note ?? 'Not clicked.')
    : 'Loaded and left alone.';
  const req = pass.requests.map((r) => [esc(r.url.slice(0, 200)), who(r), esc(r.category), esc(r.kind), esc(r.phase === 'after-decision' ? 'after' : 'before'), `${r.t} ms`, esc(r.initiator.script ?? r.initiator.type)]);
  const ck = pass.cookies.map((c: CookieRecord) => [`<code>${esc(c.name)}</code>`, esc(c.domain), who(c), esc(c.category), esc(lifetime(c)), esc(c.phase === 'after-decision' ? 'after' : 'before'), esc(c.writtenBy ?? '')]);
  const st = pass.storage.map((s: StorageRecord) => [`<code>${esc(s.key)}</code>`, esc(s.area), esc(s.origin), who(s), esc(s.category), esc(s.writtenBy ?? '')]);
  return `<h3>${PASS_TITLE[pass.pass]}</h3>
<p>${action}${pass.error ? ` <strong>Error:</strong> ${esc(pass.error)}` : ''} ${pass.firstPartyRequests} first-party requests.</p>
${table(`Third-party requests, ${PASS_TITLE[pass.pass]}, ${page.url}`, ['URL', 'Vendor', 'Category', 'Kind', 'Decision', 'Time', 'Started by'], req)}
${table(`Cookies, ${PASS_TITLE[pass.pass]}, ${page.url}`, ['Name', 'Domain', 'Vendor', 'Category', 'Lifetime', 'Decision', 'Written by'], ck)}
${table(`Storage, ${PASS_TITLE[pass.pass]}, ${page.url}`, ['Key', 'Area', 'Origin', 'Vendor', 'Category', 'Written by'], st)}`;
}

export function reportHtml(report: ScanReport, shots: { desktop: Buffer; mobile: Buffer } | null): string {
  const { summary, cmp } = report;
  const clean = summary.clean;
  const summaryText = clean
    ? `No violations on ${summary.pagesScanned} page${summary.pagesScanned === 1 ? '' : 's'}${summary.warnings ? `; ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'} to review` : ''}.`
    : `${summary.violations} violation${summary.violations === 1 ? '' : 's'} and ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'} on ${summary.pagesScanned} page${summary.pagesScanned === 1 ? '' : 's'}.`;
  const cmpText = cmp.found
    ? `<p>Found <strong>${esc(cmp.name ?? 'a banner')}</strong>. Accept: ${cmp.accept ? `"${esc(cmp.accept.text)}" (by ${cmp.accept.by})` : 'none found'}. Reject on the first layer: ${cmp.reject ? `"${esc(cmp.reject.text)}" (by ${cmp.reject.by})` : '<strong>none</strong>'}.
${cmp.prominence ? (cmp.prominence.equal ? 'The two buttons are equally prominent.' : `Not equally prominent: ${esc(cmp.prominence.differences.join('; '))}.`) : ''}</p>`
    : '<p>No consent banner found (no known CMP markup, no button labelled Accept all / Reject all in en, lv, ru, et, lt, de or fr).</p>';
  const shotHtml = shots
    ? `<div class="shots"><figure><img src="data:image/png;base64,${shots.desktop.toString('base64')}" width="640" alt="The first page at 1280 by 800 pixels, as a visitor first sees it${cmp.found ? ', with the consent banner' : ''}"><figcaption>Desktop, 1280 px wide</figcaption></figure>
<figure><img src="data:image/png;base64,${shots.mobile.toString('base64')}" width="240" alt="The first page at 320 pixels wide${cmp.found ? ', with the consent banner' : ''}"><figcaption>Phone, 320 px wide</figcaption></figure></div>`
    : '<p class="muted">No screenshots.</p>';
  const vendors = report.vendors.map((v) => [who(v), esc(v.category), esc(v.hosts.join(', ')), esc(v.passes.map((p) => PASS_TITLE[p]).join(', ')), v.beforeConsent ? '<strong>yes</strong>' : 'no', esc(Object.entries(v.params).map(([k, val]) => `${k}=${val}`).join(', '))]);
  const pages = report.pages
    .map((p, i) => `<details${i === 0 ? ' open' : ''}><summary>${esc(p.url)} (HTTP ${p.status ?? 'no response'})</summary>
${timelineSvg(p, `tl${i}`)}
${p.notes.map((n) => `<p class="muted">${esc(n)}</p>`).join('')}
${(['none', 'reject', 'accept'] as const).map((w) => (p.passes[w] ? passSection(p, p.passes[w]!) : '')).join('\n')}
</details>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Consentry scan of ${esc(report.target.url)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<p class="muted">Consentry scan, ${esc(report.finishedAt)}, ${(report.durationMs / 1000).toFixed(1)} s, report schema v${report.schemaVersion}</p>
<h1>${esc(report.target.url)}</h1>
</header>
<main>
<p class="summary ${clean ? 'clean' : 'dirty'}">${esc(summaryText)}</p>
<h2>Verdicts</h2>
${report.verdicts.length ? `<ol class="verdicts">${report.verdicts.map(verdictItem).join('\n')}</ol>` : '<p>Nothing to report.</p>'}
<h2>Consent banner</h2>
${cmpText}
${shotHtml}
<h2>Vendors seen</h2>
${table('Vendors, by any pass', ['Vendor', 'Category', 'Hosts', 'Seen in', 'Before consent', 'Config params'], vendors)}
<h2>Pages</h2>
${legendHtml()}
${pages}
${report.skipped.length ? table('Not scanned', ['URL', 'Why'], report.skipped.map((s) => [esc(s.url), esc(s.reason)])) : ''}
</main>
</body>
</html>
`;
}
