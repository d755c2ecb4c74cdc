import { useEffect, useState } from 'preact/hooks';
import { api } from './api.js';

interface DayCount {
  day: string;
  method: string;
  count: number;
  gpc: number;
}
const METHODS = ['accept-all', 'reject-all', 'custom', 'withdraw', 'gpc'] as const;
const COLOURS: Record<string, string> = { 'accept-all': '#1d4fbf', 'reject-all': '#5f6672', custom: '#0f7b6c', withdraw: '#b3261e', gpc: '#7a4fbf' };

/** Decisions per day of the last 30 days: a bar chart, and the same numbers as a table (the accessible form). */
export function Stats() {
  const [days, setDays] = useState<DayCount[] | null>(null);
  useEffect(() => void api<{ days: DayCount[] }>('GET', '/stats').then((r) => setDays(r.data.days ?? [])), []);
  if (!days) return <h1 tabIndex={-1}>Statistics</h1>;
  const byDay = new Map<string, Record<string, number>>();
  let total = 0;
  let gpc = 0;
  for (const d of days) {
    const row = byDay.get(d.day) ?? {};
    row[d.method] = d.count;
    byDay.set(d.day, row);
    total += d.count;
    gpc += d.gpc;
  }
  const rows = [...byDay.entries()];
  const max = Math.max(1, ...rows.map(([, r]) => Object.values(r).reduce((a, b) => a + b, 0)));
  const w = 24;
  return (
    <>
      <h1 tabIndex={-1}>Statistics</h1>
      <p>
        {total} decisions in the last 30 days; {total ? Math.round((100 * gpc) / total) : 0}% with Global Privacy Control.
      </p>
      {rows.length > 0 && (
        <svg class="chart" viewBox={`0 0 ${rows.length * w + 8} 120`} role="img" aria-label="Decisions per day by kind; the table below has the numbers">
          {rows.map(([day, r], i) => {
            let y = 116;
            return (
              <g key={day}>
                {METHODS.filter((m) => r[m]).map((m) => {
                  const h = (100 * r[m]!) / max;
                  y -= h;
                  return <rect key={m} x={4 + i * w} y={y} width={w - 6} height={h} fill={COLOURS[m]} />;
                })}
              </g>
            );
          })}
        </svg>
      )}
      <div class="scroll" tabIndex={0} role="region" aria-label="Decisions per day">
        <table>
          <thead>
            <tr>
              <th scope="col">Day (UTC)</th>
              {METHODS.map((m) => (
                <th scope="col" key={m}>
                  <span class="swatch" data-method={m} /> {m}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([day, r]) => (
              <tr key={day}>
                <th scope="row">{day}</th>
                {METHODS.map((m) => (
                  <td key={m}>{r[m] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
