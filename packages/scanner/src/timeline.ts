// The timeline of one page's third-party requests, one lane per pass, in plain SVG: each request
// a mark at its time, coloured and shaped by category, the decision click a dashed line.
import type { Category, PageReport, PassName } from './types.js';

export const CATEGORY_STYLE: Record<Category, { color: string; label: string }> = {
  targeting: { color: '#b3261e', label: 'targeting' },
  statistics: { color: '#8a5a00', label: 'statistics' },
  functional: { color: '#1d4fbf', label: 'functional' },
  unknown: { color: '#5b5b66', label: 'unknown' },
  necessary: { color: '#1e6b3a', label: 'necessary' },
};
const ROWS: Category[] = ['targeting', 'statistics', 'functional', 'unknown', 'necessary'];
const PASS_LABEL: Record<PassName, string> = { none: 'No interaction', reject: 'After Reject all', accept: 'After Accept all' };

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function timelineSvg(page: PageReport, id: string): string {
  const lanes = (['none', 'reject', 'accept'] as const).filter((p) => page.passes[p]);
  const W = 880;
  const left = 150;
  const laneH = 70;
  const top = 24;
  const H = top + lanes.length * laneH + 30;
  const all = lanes.flatMap((p) => page.passes[p]!.requests.map((r) => r.t));
  const maxT = Math.max(1000, ...all, ...lanes.map((p) => page.passes[p]!.action.at ?? 0));
  const span = Math.ceil(maxT / 1000) * 1000;
  const x = (t: number) => left + ((W - left - 20) * t) / span;
  const parts: string[] = [];
  const counts: string[] = [];
  lanes.forEach((p, i) => {
    const pass = page.passes[p]!;
    const y0 = top + i * laneH;
    parts.push(`<rect x="${left}" y="${y0}" width="${W - left - 20}" height="${laneH - 10}" fill="${i % 2 ? '#f4f5f7' : '#ffffff'}" stroke="#c9ccd3"/>`);
    parts.push(`<text x="${left - 8}" y="${y0 + laneH / 2}" text-anchor="end" font-size="13" fill="#1d2330">${PASS_LABEL[p]}</text>`);
    if (pass.action.at !== null) {
      parts.push(`<line x1="${x(pass.action.at)}" x2="${x(pass.action.at)}" y1="${y0}" y2="${y0 + laneH - 10}" stroke="#1d2330" stroke-dasharray="4 3"/>`);
      parts.push(`<text x="${x(pass.action.at) + 3}" y="${y0 + 11}" font-size="11" fill="#1d2330">${pass.action.clicked ? 'clicked' : 'not clicked'}</text>`);
    }
    for (const r of pass.requests) {
      const row = ROWS.indexOf(r.category);
      const cy = y0 + 8 + row * ((laneH - 26) / (ROWS.length - 1));
      const { color } = CATEGORY_STYLE[r.category];
      const cx = x(r.t);
      // Shape as well as colour, so the chart does not rely on colour alone.
      const mark = r.kind === 'script'
        ? `<rect x="${cx - 4}" y="${cy - 4}" width="8" height="8" fill="${color}"/>`
        : r.kind === 'frame'
          ? `<polygon points="${cx},${cy - 5} ${cx + 5},${cy + 4} ${cx - 5},${cy + 4}" fill="${color}"/>`
          : `<circle cx="${cx}" cy="${cy}" r="4" fill="${color}"/>`;
      parts.push(`<g><title>${esc(`${r.t} ms ${r.kind} ${r.vendor ?? r.host} (${r.category}): ${r.url.slice(0, 120)}`)}</title>${mark}</g>`);
    }
    const byCat = ROWS.map((c) => [c, pass.requests.filter((r) => r.category === c).length] as const).filter(([, n]) => n > 0);
    counts.push(`${PASS_LABEL[p]}: ${pass.requests.length} third-party request${pass.requests.length === 1 ? '' : 's'}${byCat.length ? ` (${byCat.map(([c, n]) => `${n} ${c}`).join(', ')})` : ''}`);
  });
  const yAxis = top + lanes.length * laneH;
  for (let t = 0; t <= span; t += Math.max(1000, Math.ceil(span / 8000) * 1000)) {
    parts.push(`<line x1="${x(t)}" x2="${x(t)}" y1="${yAxis - 10}" y2="${yAxis - 4}" stroke="#1d2330"/><text x="${x(t)}" y="${yAxis + 8}" text-anchor="middle" font-size="11" fill="#1d2330">${t / 1000} s</text>`);
  }
  const desc = counts.join('. ');
  return `<svg class="timeline" role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${W} ${H}" width="100%" xmlns="http://www.w3.org/2000/svg">
<title id="${id}-t">Third-party requests over time per pass on ${esc(page.url)}</title>
<desc id="${id}-d">${esc(desc)}</desc>
${parts.join('\n')}
</svg>`;
}

export function legendHtml(): string {
  return `<ul class="legend">${ROWS.map((c) => `<li><svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill="${CATEGORY_STYLE[c].color}"/></svg> ${c}</li>`).join('')}<li>square: script, circle: beacon or other, triangle: frame; dashed line: the click</li></ul>`;
}
