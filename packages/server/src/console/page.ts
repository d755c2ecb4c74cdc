import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';

// The banner's design tokens: the same `--consentry-*` custom properties and light-theme defaults as
// @consentry/ui's palette, so a site's brand colours restyle the console like the banner.
const CSS = `:root{--bg:var(--consentry-bg,#fff);--text:var(--consentry-text,#1a1c20);--link:var(--consentry-link,#0b4fc4);
--btn:var(--consentry-button-bg,#1d4fbf);--btn-text:var(--consentry-button-text,#fff);--focus:var(--consentry-focus,#0b4fc4);
--border:var(--consentry-border,#5f6672);--radius:var(--consentry-radius,.5rem);--gap:var(--consentry-spacing,1rem);--muted:#4d535c;--error:#b3261e;--ok:#1e6b33}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--text);font:var(--consentry-font-size,1rem)/1.5 var(--consentry-font,system-ui,sans-serif)}
a{color:var(--link)}:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.top{display:flex;flex-wrap:wrap;gap:.5rem var(--gap);align-items:center;justify-content:space-between;padding:.5rem var(--gap);border-bottom:1px solid var(--border)}
.brand{font-weight:700}.top nav{display:flex;gap:var(--gap);flex-wrap:wrap}.top nav a[aria-current=page]{font-weight:700}
main{max-width:60rem;margin:0 auto;padding:var(--gap)}main.narrow{max-width:26rem}h1:focus{outline:none}
label{display:block;margin:.75rem 0 .25rem}input,select,textarea{font:inherit;color:inherit;background:var(--bg);border:1px solid var(--border);border-radius:var(--radius);padding:.5rem;width:100%;max-width:32rem}
input[type=checkbox]{width:1.25rem;height:1.25rem;margin:0 .5rem 0 0;vertical-align:middle}textarea{font-family:ui-monospace,monospace;font-size:.9rem}
label.switch,label.check{display:flex;align-items:center;margin:.5rem 0;min-height:2.75rem}
button{font:inherit;cursor:pointer;min-height:2.75rem;padding:.5rem 1rem;margin:.5rem 0;border-radius:var(--radius);border:2px solid var(--btn);background:var(--btn);color:var(--btn-text)}
button.secondary{background:var(--bg);color:var(--btn)}
.muted{color:var(--muted)}.error{color:var(--error)}.ok{color:var(--ok)}
.cards,.vendors{list-style:none;padding:0}.cards li,.vendors li{padding:.5rem 0;border-bottom:1px solid #d5d8dc}
form.inline{display:flex;flex-wrap:wrap;gap:0 var(--gap);align-items:flex-end}form.inline>div{flex:1 1 12rem}
.scroll{overflow-x:auto;max-width:100%}table{border-collapse:collapse;width:100%}th,td{text-align:start;padding:.4rem;border-bottom:1px solid #d5d8dc;vertical-align:top}
code,.code{font-family:ui-monospace,monospace;font-size:.9rem;overflow-wrap:anywhere}.code{white-space:pre-wrap;background:#f1f3f5;padding:.5rem;border-radius:var(--radius)}
.detail{display:block;max-width:28rem}fieldset{border:1px solid var(--border);border-radius:var(--radius)}
.card{border:1px solid var(--border);border-radius:var(--radius);padding:var(--gap);margin:var(--gap) 0}.card h2{font-size:1.1rem;margin-top:0}dd{margin:0 0 .5rem}
.chart{width:100%;max-width:40rem;height:10rem;display:block;margin:var(--gap) 0}.swatch{display:inline-block;width:.75rem;height:.75rem;border-radius:2px}
.swatch[data-method=accept-all]{background:#1d4fbf}.swatch[data-method=reject-all]{background:#5f6672}.swatch[data-method=custom]{background:#0f7b6c}.swatch[data-method=withdraw]{background:#b3261e}.swatch[data-method=gpc]{background:#7a4fbf}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}`;

const HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Consentry console</title><link rel="stylesheet" href="/admin/console.css"></head>
<body><div id="app"></div><script type="module" src="/admin/console.js"></script></body></html>`;

// Nothing inline: the console runs under a CSP without 'unsafe-inline' for scripts or styles.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** The console bundle (built by build.mjs to dist/console-ui.js) beside the server's code or in dist/. */
export function defaultUiFile(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  return [join(here, 'console-ui.js'), join(here, '..', '..', 'dist', 'console-ui.js')].find((f) => existsSync(f)) ?? null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function mountPage(app: Hono<any>, uiFile: string | null): void {
  let bundle: string | null = null;
  const headers = { 'Content-Security-Policy': CSP, 'X-Frame-Options': 'DENY', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };
  app.get('/admin', (c) => c.html(HTML, 200, headers));
  app.get('/admin/', (c) => c.redirect('/admin'));
  app.get('/admin/console.css', (c) => c.body(CSS, 200, { ...headers, 'Content-Type': 'text/css; charset=utf-8' }));
  app.get('/admin/console.js', (c) => {
    if (uiFile && bundle === null) bundle = readFileSync(uiFile, 'utf8');
    if (bundle === null) return c.json({ error: 'the console is not built (pnpm build)' }, 404);
    return c.body(bundle, 200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' });
  });
}
