// The page's own DOM work with and without Consentry: the same first-party code on the small page,
// bare and with the guard (whose hooks sit on the page's DOM and network APIs), after the page has
// settled. Median of `runs` loads each, alternating which goes first, fresh context per load.

/** Runs in the page; returns ms for each workload. First-party URLs only (/own/… answers empty). */
async function workloads() {
  const out = {};
  // Inside display:none and lazy, so thousands of images do not also load: the cost is the script's.
  const box = () => {
    const el = document.createElement('div');
    el.style.display = 'none';
    document.body.append(el);
    return el;
  };
  let el = box();
  let t = performance.now();
  for (let i = 0; i < 5000; i++) {
    const img = document.createElement('img');
    img.loading = 'lazy';
    img.alt = '';
    img.src = `/own/img/${i}.png`;
    el.appendChild(img);
  }
  out.images = performance.now() - t;
  el.remove();

  el = box();
  t = performance.now();
  for (let i = 0; i < 2000; i++) {
    el.innerHTML = `<p>Fresh <b>tea</b> <img loading="lazy" src="/own/img/a${i}.png" alt=""> <a href="/own/p/${i}">more</a> <img loading="lazy" src="/own/img/b${i}.png" alt=""></p>`;
  }
  out.innerHTML = performance.now() - t;
  el.remove();

  el = box();
  const [img, a, div] = ['img', 'a', 'div'].map((tag) => el.appendChild(document.createElement(tag)));
  img.loading = 'lazy';
  const calls = [
    (i) => img.setAttribute('src', `/own/img/s${i}.png`),
    (i) => a.setAttribute('href', `/own/p/${i}`),
    (i) => div.setAttribute('class', `c${i}`),
    (i) => div.setAttribute('data-n', String(i)),
    (i) => img.setAttribute('alt', `picture ${i}`),
  ];
  t = performance.now();
  for (let i = 0; i < 5000; i++) calls[i % calls.length](i);
  out.setAttribute = performance.now() - t;
  el.remove();

  t = performance.now();
  await Promise.all(Array.from({ length: 50 }, (_, i) => fetch(`/own/api?i=${i}`).then((r) => r.text())));
  out.fetch = performance.now() - t;
  return out;
}

export const WORKLOADS = [
  ['images', '5,000 images created and appended'],
  ['innerHTML', '2,000 `innerHTML` writes of a fragment with two images and a link'],
  ['setAttribute', '5,000 `setAttribute` calls (src, href, class, data-*, alt)'],
  ['fetch', '50 first-party `fetch` calls, awaited together'],
];

const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length ? (s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2) : null;
};

/** @returns {Promise<{ runs: number, rows: Array<{ id: string, label: string, bare: number, consentry: number, ratio: number }>, errors: string[] }>} */
export async function domWork(browser, base, { runs = 7, log = () => {} } = {}) {
  const times = { baseline: [], consentry: [] };
  const errors = [];
  for (let run = 0; run < runs; run++) {
    const order = run % 2 ? ['consentry', 'baseline'] : ['baseline', 'consentry'];
    for (const id of order) {
      const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
      try {
        await context.route((url) => url.hostname !== '127.0.0.1', (route) => route.fulfill({ status: 204, body: '' }));
        const page = await context.newPage();
        page.on('pageerror', (e) => errors.push(`${id}: ${String(e).slice(0, 160)}`));
        await page.goto(`${base}/${id}.html`, { waitUntil: 'load' });
        // Consentry's second stage mounts the banner after the first paint: measure once it is up.
        if (id === 'consentry') await page.waitForFunction(() => !!document.querySelector('consentry-ui')?.shadowRoot?.querySelector('.b'), null, { timeout: 10_000, polling: 50 });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
        const t = await page.evaluate(workloads);
        times[id].push(t);
        log(`dom     ${id.padEnd(14)} ${WORKLOADS.map(([k]) => `${k} ${t[k].toFixed(0)}`).join(', ')} ms`);
      } catch (error) {
        errors.push(`${id}: ${String(error).split('\n')[0]}`);
      } finally {
        await context.close();
      }
    }
  }
  const rows = WORKLOADS.map(([key, label]) => {
    const bare = median(times.baseline.map((t) => t[key]));
    const consentry = median(times.consentry.map((t) => t[key]));
    return { id: key, label, bare, consentry, ratio: bare && consentry != null ? consentry / bare : null };
  });
  return { runs: Math.min(times.baseline.length, times.consentry.length), rows, errors: [...new Set(errors)] };
}

/** The markdown table (target: each ≤ 1.3× the bare page). */
export function renderDomWork(dom) {
  const ms = (n) => (n == null ? '–' : n.toFixed(1));
  return [
    `The page's own DOM work on the small page, with and without Consentry (after the banner is up; median of ${dom.runs} loads each, alternating, fresh context, 1× CPU; target ≤ 1.3× without):`,
    '',
    '| workload | without Consentry, ms | with Consentry, ms | ratio | ≤ 1.3× |',
    '|---|--:|--:|--:|:-:|',
    ...dom.rows.map((r) => `| ${r.label} | ${ms(r.bare)} | ${ms(r.consentry)} | ${r.ratio == null ? '–' : `${r.ratio.toFixed(2)}×`} | ${r.ratio == null ? '–' : r.ratio <= 1.3 ? 'held' : '**not held**'} |`),
    ...dom.errors.slice(0, 3).map((e) => `- page error: ${e}`),
  ];
}
